package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loader "fragilite-centralite": ANCT/INRAE niveaux de centralité into {@code centralite}.
 * ANCT's " - undefined" (communes without a computed level) becomes a null {@code niveau}.
 */
public final class CentraliteLoader extends CommuneZoningLoader {

    static final LayerSchema SCHEMA = new LayerSchema("centralite", List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.optional("niveau", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    private static final String VALUE = "niveau_centralite";

    public CentraliteLoader() {
        super("fragilite-centralite",
                "Niveaux de centralité d'équipements et de services ANCT (fichier centralite.csv)",
                SCHEMA, "insee_com", List.of(VALUE), "COG 2026");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        String v = row.required(VALUE);
        Map<String, Object> m = new HashMap<>();
        m.put("niveau", v.replaceFirst("^-\\s*", "").equalsIgnoreCase("undefined") ? null : v);
        return m;
    }
}
