package fr.carence.loaders.communes;

import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;

import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import java.util.List;

/** Schemas of the geometry layers (docs/layers.md, "Geometry"). */
public final class CommunesLayers {

    public static final LayerSchema COMMUNES = new LayerSchema("communes", List.of(
            required("code", AttributeType.STRING), required("nom", AttributeType.STRING),
            required("dep", AttributeType.STRING), required("reg", AttributeType.STRING),
            optional("epci", AttributeType.STRING), optional("population", AttributeType.INTEGER),
            required("superficie_km2", AttributeType.DOUBLE), required("codes_source", AttributeType.STRING)),
            GeometryType.MULTIPOLYGON, "code");

    public static final LayerSchema DEPARTEMENTS = boundaries("departements");

    public static final LayerSchema REGIONS = boundaries("regions");

    private CommunesLayers() {
    }

    private static LayerSchema boundaries(String name) {
        return new LayerSchema(name, List.of(required("code", AttributeType.STRING), required("nom", AttributeType.STRING)),
                GeometryType.MULTIPOLYGON, "code");
    }
}
