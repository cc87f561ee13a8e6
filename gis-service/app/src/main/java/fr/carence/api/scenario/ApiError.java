package fr.carence.api.scenario;

import io.swagger.v3.oas.annotations.media.Schema;

/** JSON error body of the scenario API. */
@Schema(description = "Erreur")
public record ApiError(
        @Schema(description = "Statut HTTP") int statut,
        @Schema(description = "Code d'erreur", example = "parametre_invalide") String erreur,
        @Schema(description = "Paramètre en cause, le cas échéant", example = "part_teletravaillable") String parametre,
        @Schema(description = "Message lisible (français)") String message) {
}
