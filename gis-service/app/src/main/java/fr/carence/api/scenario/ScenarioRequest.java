package fr.carence.api.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Body of POST /api/scenarios. */
@Schema(description = "Scénario à calculer : paramètres omis = valeurs par défaut (voir /api/scenarios/parameters)")
public record ScenarioRequest(
        @Schema(description = "Identifiant (minuscules, chiffres, - ou _, 40 caractères max) ; généré si absent",
                example = "seuil-strict") String id,
        @Schema(description = "Nom affiché", example = "Seuil d'accessibilité relevé") String nom,
        @Schema(description = "Paramètres (nom → valeur)", example = "{\"seuil_accessibilite\": 2, \"nombre_sites\": 5}")
        Map<String, Object> parametres) {
}
