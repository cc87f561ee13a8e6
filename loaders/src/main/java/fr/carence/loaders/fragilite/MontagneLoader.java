package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.List;
import java.util.Map;

/** Loader "fragilite-montagne": communes in the mountain zone with their massif (ANCT montagne.csv) into {@code zone_montagne}. */
public final class MontagneLoader extends CommuneZoningLoader {

    static final LayerSchema SCHEMA = new LayerSchema("zone_montagne", List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("massif", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    static final String VALUE = "niveau_montagne";

    public MontagneLoader() {
        super("fragilite-montagne",
                "Communes classées en zone de montagne, par massif (fichier ANCT montagne.csv)",
                SCHEMA, "insee_com", List.of(VALUE), "COG 2026");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        return Map.of("massif", MassifName.of(row.required(VALUE)));
    }
}
