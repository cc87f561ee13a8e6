package fr.carence.api.chargement;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A dataset that can be loaded by upload, as listed by {@code GET /api/chargements/jeux}. */
@Schema(description = "Jeu de données chargeable par téléversement")
public record JeuDeDonnees(
        @Schema(description = "Clé à mettre dans l'URL de chargement", example = "lieux") String cle,
        @Schema(description = "Description") String description,
        @Schema(description = "Couches écrites") List<String> couches,
        @Schema(description = "Jeux à charger avant celui-ci", example = "[\"admin\"]") List<String> prerequis,
        @Schema(description = "Types de fichier acceptés") List<TypeDeFichier> fichiersAcceptes) {

    @Schema(description = "Type de fichier accepté (chaque fichier peut aussi être compressé en .gz ou regroupé dans un .zip)")
    public record TypeDeFichier(@Schema(example = "CSV") String type,
                                @Schema(example = "CSV (texte délimité)") String libelle,
                                @Schema(example = "[\".csv\"]") List<String> extensions) {
    }

    static JeuDeDonnees of(DatasetLoader loader) {
        List<TypeDeFichier> kinds = loader.inputKinds().stream().sorted()
                .map((InputKind k) -> new TypeDeFichier(k.name(), k.label(), k.extensions())).toList();
        return new JeuDeDonnees(loader.key(), loader.description(), loader.layers(), loader.dependsOn(), kinds);
    }
}
