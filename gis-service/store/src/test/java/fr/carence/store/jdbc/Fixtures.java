package fr.carence.store.jdbc;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Made-up fixtures ("fixture-" layers): a 10 x 10 grid of 1 km squares in Lambert-93 near
 * Paris with every attribute type, so each filter can be checked against a known answer.
 */
final class Fixtures {

    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    static final double X0 = 650_000;
    static final double Y0 = 6_860_000;
    static final LayerInfo.Source SOURCE = new LayerInfo.Source("fixture", "made-up grid", "test");

    private Fixtures() {
    }

    static LayerSchema gridSchema(String name) {
        return new LayerSchema(name, List.of(
                Attribute.required("code", AttributeType.STRING),
                Attribute.optional("nom", AttributeType.STRING),
                Attribute.optional("population", AttributeType.INTEGER),
                Attribute.optional("surface", AttributeType.LONG),
                Attribute.optional("taux", AttributeType.DOUBLE),
                Attribute.optional("rural", AttributeType.BOOLEAN),
                Attribute.optional("creation", AttributeType.DATE),
                Attribute.optional("maj", AttributeType.TIMESTAMP),
                Attribute.optional("value", AttributeType.STRING)),  // a reserved word in H2
                GeometryType.MULTIPOLYGON, "code");
    }

    /** Cell (i, j): code "c<i><j>", population i*10+j (null when i=j=9), square [X0+i km, Y0+j km]. */
    static Feature cell(int i, int j) {
        Map<String, Object> p = new LinkedHashMap<>();
        String code = "c" + i + j;
        p.put("code", code);
        p.put("nom", (i % 2 == 0 ? "Saint-" : "Le ") + "Lieu_" + i + j + (j == 5 ? " 50% off" : ""));
        p.put("population", i == 9 && j == 9 ? null : i * 10 + j);
        p.put("surface", 10_000_000_000L + i * 10 + j);
        p.put("taux", (i * 10 + j) / 100.0);
        p.put("rural", j % 2 == 0);
        p.put("creation", LocalDate.of(2000 + i, 1 + j, 1));
        p.put("maj", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * (i * 10 + j)));
        p.put("value", "v" + j);
        return new Feature(code, square(X0 + i * 1000, Y0 + j * 1000, 1000), p);
    }

    static Geometry square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y),
                new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y)});
    }

    static List<Feature> grid() {
        List<Feature> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                all.add(cell(i, j));
            }
        }
        return all;
    }

    static void load(FeatureStore store, LayerSchema schema, List<Feature> features) {
        try (LayerWriter w = store.replaceLayer(schema, SOURCE)) {
            features.forEach(w::write);
            w.commit();
        }
    }

    static List<Feature> read(FeatureStore store, String layer, FeatureQuery query) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = store.query(layer, query)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    static List<String> ids(FeatureStore store, String layer, FeatureQuery query) {
        return read(store, layer, query).stream().map(Feature::id).toList();
    }
}
