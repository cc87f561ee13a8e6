package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loader "fragilite-densite": INSEE grille communale de densité (ANCT densite.csv) into {@code grille_densite}. */
public final class DensiteLoader extends CommuneZoningLoader {

    static final LayerSchema SCHEMA = new LayerSchema("grille_densite", List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("niveau", AttributeType.INTEGER),
            Attribute.required("libelle", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    private static final String VALUE = "niveau_densite";

    public DensiteLoader() {
        super("fragilite-densite",
                "Grille communale de densité INSEE à 7 niveaux (fichier ANCT densite.csv)",
                SCHEMA, "insee_com", List.of(VALUE), "COG 2026");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        String label = row.required(VALUE);
        int level = DensityLevel.of(label).orElseThrow(() -> row.error(VALUE, "niveau de densité inconnu « " + label
                + " » (attendu 1 à 7 ou l'un de : " + String.join(", ", DensityLevel.LABELS) + ")"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("niveau", level);
        m.put("libelle", DensityLevel.LABELS.get(level - 1));
        return m;
    }
}
