package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.List;
import java.util.Map;

/**
 * Loader "fragilite-ruralite": ANCT typologie des ruralités into {@code ruralite}. ANCT's labels
 * start with a space, stripped here (as every CSV value is).
 */
public final class RuraliteLoader extends CommuneZoningLoader {

    static final LayerSchema SCHEMA = new LayerSchema("ruralite", List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("typologie", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    private static final String VALUE = "niveau_ruralite";

    public RuraliteLoader() {
        super("fragilite-ruralite",
                "Typologie ANCT des ruralités (fichier ruralite.csv)",
                SCHEMA, "insee_com", List.of(VALUE), "COG 2026");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        return Map.of("typologie", row.required(VALUE));
    }
}
