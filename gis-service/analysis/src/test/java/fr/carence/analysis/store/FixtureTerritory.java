package fr.carence.analysis.store;

import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;
import static fr.carence.store.LayerSchema.AttributeType.DOUBLE;
import static fr.carence.store.LayerSchema.AttributeType.INTEGER;
import static fr.carence.store.LayerSchema.AttributeType.STRING;

import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Made-up territory written with the docs/layers.md schemas: a 6 × 6 grid of 5 km square communes
 * (codes fixture 48101…48136, Lambert-93 around Mende), 1,000 inhabitants each, all rural and in
 * the mountain zone; one venue in the south-west corner; FttH 50 % in odd-numbered communes.
 * Rows 0–2 are in département 48, rows 3–5 in 12 (région 76, one EPCI per département); the
 * venue inventory covers région 76.
 */
final class FixtureTerritory {
    static final int SIDE = 6;
    static final double CELL = 5000;
    static final double X0 = 720_000;
    static final double Y0 = 6_370_000;
    private static final GeometryFactory GF = new GeometryFactory();
    private static final LayerInfo.Source SRC = new LayerInfo.Source("fixture", "FixtureTerritory", null);

    private FixtureTerritory() {
    }

    static String code(int row, int col) {
        return "48" + (101 + row * SIDE + col);
    }

    static String departement(int row) {
        return row < SIDE / 2 ? "48" : "12";
    }

    static final LayerSchema COUVERTURE = new LayerSchema("lieux_couverture", List.of(required("id", STRING),
            required("niveau", STRING), required("code", STRING), required("origine", STRING), required("source", STRING)),
            LayerSchema.GeometryType.NONE, "id");

    /** Replaces the venue inventory's coverage, e.g. ("departement", "48"). */
    static void coverage(FeatureStore store, String level, String code) {
        try (LayerWriter w = store.replaceLayer(COUVERTURE, SRC)) {
            w.write(new Feature(level + ":" + code, null, props("id", level + ":" + code, "niveau", level, "code", code,
                    "origine", "fixture", "source", "FixtureTerritory")));
            w.commit();
        }
    }

    static void load(FeatureStore store) {
        LayerSchema communes = new LayerSchema("communes", List.of(required("code", STRING), required("nom", STRING),
                required("population", INTEGER), optional("dep", STRING), optional("reg", STRING), optional("epci", STRING)),
                LayerSchema.GeometryType.MULTIPOLYGON, "code");
        LayerSchema densite = new LayerSchema("grille_densite", List.of(required("code", STRING),
                required("niveau", INTEGER), optional("libelle", STRING)), LayerSchema.GeometryType.NONE, "code");
        LayerSchema montagne = new LayerSchema("zone_montagne", List.of(required("code", STRING),
                optional("massif", STRING)), LayerSchema.GeometryType.NONE, "code");
        LayerSchema thd = new LayerSchema("couverture_thd", List.of(required("code", STRING),
                optional("taux_ftth", DOUBLE)), LayerSchema.GeometryType.NONE, "code");
        LayerSchema lieux = new LayerSchema("lieux_existants", List.of(required("id", STRING), optional("nom", STRING),
                optional("code_commune", STRING), optional("capacite", INTEGER)), LayerSchema.GeometryType.POINT, "id");
        try (LayerWriter wc = store.replaceLayer(communes, SRC); LayerWriter wd = store.replaceLayer(densite, SRC);
             LayerWriter wm = store.replaceLayer(montagne, SRC); LayerWriter wt = store.replaceLayer(thd, SRC);
             LayerWriter wl = store.replaceLayer(lieux, SRC)) {
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    String code = code(r, c);
                    double x = X0 + c * CELL;
                    double y = Y0 + r * CELL;
                    Polygon sq = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + CELL, y),
                            new Coordinate(x + CELL, y + CELL), new Coordinate(x, y + CELL), new Coordinate(x, y)});
                    wc.write(new Feature(code, GF.createMultiPolygon(new Polygon[] {sq}),
                            props("code", code, "nom", "fixture-" + code, "population", 1000, "dep", departement(r),
                                    "reg", "76", "epci", "2000000" + departement(r))));
                    wd.write(new Feature(code, null, props("code", code, "niveau", 6, "libelle", "Rural à habitat dispersé")));
                    wm.write(new Feature(code, null, props("code", code, "massif", "Massif central")));
                    wt.write(new Feature(code, null, props("code", code, "taux_ftth", (r * SIDE + c) % 2 == 1 ? 0.5 : 0.0)));
                }
            }
            wl.write(new Feature("lieu-1", GF.createPoint(new Coordinate(X0 + CELL / 2, Y0 + CELL / 2)),
                    props("id", "lieu-1", "nom", "fixture-lieu", "code_commune", code(0, 0), "capacite", 20)));
            wc.commit();
            wd.commit();
            wm.commit();
            wt.commit();
            wl.commit();
        }
        coverage(store, "region", "76");
    }

    static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
