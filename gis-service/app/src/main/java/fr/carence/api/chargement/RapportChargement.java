package fr.carence.api.chargement;

import fr.carence.loaders.core.LoadReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** JSON form of a loader's {@link LoadReport}: nothing a load dropped or repaired is hidden. */
@Schema(description = "Compte rendu d'un chargement")
public record RapportChargement(
        @Schema(description = "Clé du jeu chargé", example = "lieux") String jeu,
        @Schema(description = "Lignes ou entités lues") long lignesLues,
        @Schema(description = "Entités publiées par couche", example = "{\"lieux_existants\": 73}") Map<String, Long> entitesEcrites,
        @Schema(description = "Codes commune inconnus (ni actuels ni dans l'historique) et leur nombre d'occurrences")
        Map<String, Long> codesInconnus,
        @Schema(description = "Géométries réparées (identifiants)") List<String> geometriesReparees,
        @Schema(description = "Géométries rejetées, avec la raison") List<String> geometriesRejetees,
        @Schema(description = "Doublons écartés") List<String> doublons,
        @Schema(description = "Avertissements") List<String> avertissements,
        @Schema(description = "Résumé lisible, comme l'affiche « carence load »") String resume) {

    static RapportChargement of(LoadReport r) {
        return new RapportChargement(r.dataset(), r.rowsRead(), r.featuresWritten(), r.unknownCodes(),
                r.repairedGeometries(), r.rejectedGeometries(), r.duplicates(), r.warnings(), r.summary());
    }
}
