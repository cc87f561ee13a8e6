package fr.carence.api.chargement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * JSON error of the load API: the French message, plus the file, location and field when the
 * error is about the data (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Erreur de chargement")
public record ErreurChargement(
        @Schema(description = "Statut HTTP", example = "422") int statut,
        @Schema(description = "Code d'erreur", example = "donnees_invalides") String erreur,
        @Schema(description = "Message lisible (français), nommant le fichier, la ligne et le champ",
                example = "lieux.csv, ligne 12, champ « lon_approx » : « abc » n'est pas un nombre") String message,
        @Schema(description = "Fichier en cause", example = "lieux.csv") String fichier,
        @Schema(description = "Ligne ou entité en cause", example = "ligne 12") String emplacement,
        @Schema(description = "Champ en cause", example = "lon_approx") String champ) {

    static ErreurChargement of(int status, String code, String message) {
        return new ErreurChargement(status, code, message, null, null, null);
    }
}
