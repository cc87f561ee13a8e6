package fr.carence.analysis.store;

import static fr.carence.analysis.store.FixtureTerritory.CELL;
import static fr.carence.analysis.store.FixtureTerritory.SIDE;
import static fr.carence.analysis.store.FixtureTerritory.X0;
import static fr.carence.analysis.store.FixtureTerritory.Y0;
import static fr.carence.analysis.store.FixtureTerritory.code;
import static fr.carence.analysis.store.FixtureTerritory.props;
import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;
import static fr.carence.store.LayerSchema.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Study areas, venue-inventory coverage and QPV quartiers through the real stores: carence is never
 * reported where no inventory is loaded, a perimeter excludes the rest, and a QPV is evaluated at
 * its perimeter with its share of the commune's demand.
 */
class StudyAreaScenarioTest {

    private static Map<String, Feature> indicators(FeatureStore store, String scenario) {
        Map<String, Feature> out = new HashMap<>();
        try (FeatureCursor c = store.query(ResultLayers.INDICATEURS, FeatureQuery.all().withFilter(
                new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, scenario)))) {
            c.forEachRemaining(f -> out.put((String) f.get("code"), f));
        }
        return out;
    }

    private static ScenarioRecord run(ScenarioService service, String id, Map<String, ?> params) throws Exception {
        service.submit(id, id, params);
        assertThat(service.await(id, 300_000)).isTrue();
        ScenarioRecord r = service.get(id).orElseThrow();
        assertThat(r.statut()).as(r.message()).isEqualTo(ScenarioRecord.TERMINE);
        return r;
    }

    @BothStores
    void noCarenceWhereNoInventoryIsLoadedAndNoneOutsideThePerimeter(FeatureStore store) throws Exception {
        FixtureTerritory.load(store);
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            ScenarioRecord all = run(service, "tout", Map.of());
            Map<String, Feature> covered = indicators(store, "tout");
            // with the whole région covered, the far (département 12) half of the grid has carence
            long carence12 = covered.values().stream().filter(f -> "12".equals(dep(f)) && (Boolean) f.get("carence")).count();
            assertThat(carence12).isPositive();
            assertThat(covered.values()).allMatch(f -> AnalysisResult.ETABLI.equals(f.get("statut_etude")));

            FixtureTerritory.coverage(store, "departement", "48");
            ScenarioRecord partial = run(service, "partiel", Map.of());
            // the coverage layer read is an input of the run: it is in its provenance
            assertThat(partial.provenance()).extracting(fr.carence.analysis.store.InputVersion::couche)
                    .contains("lieux_couverture");
            Map<String, Feature> half = indicators(store, "partiel");
            for (Feature f : half.values()) {
                if ("12".equals(dep(f))) {
                    assertThat(f.get("statut_etude")).isEqualTo(AnalysisResult.INVENTAIRE_ABSENT);
                    assertThat(f.get("carence")).as((String) f.get("code")).isEqualTo(false);
                } else {
                    assertThat(f.get("statut_etude")).isEqualTo(AnalysisResult.ETABLI);
                    // the covered half is computed exactly as before
                    assertThat(f.get("carence")).isEqualTo(covered.get(f.get("code")).get("carence"));
                }
            }
            assertThat(partial.resume().nbCommunesCarence()).isEqualTo(all.resume().nbCommunesCarence() - (int) carence12);
            assertThat(partial.avertissements()).anyMatch(w -> w.startsWith("18 communes du périmètre sans inventaire")
                    && w.contains("départements 12"));

            ScenarioRecord only12 = run(service, "dep12", Map.of("perimetre", "departements:12"));
            assertThat(only12.resume().nbCommunesCarence()).isZero();
            Map<String, Feature> p12 = indicators(store, "dep12");
            assertThat(p12.values().stream().filter(f -> AnalysisResult.HORS_PERIMETRE.equals(f.get("statut_etude"))).count())
                    .isEqualTo(18);
        }
    }

    @BothStores
    void aQpvIsEvaluatedAtItsPerimeterWithItsShareOfTheDemand(FeatureStore store) throws Exception {
        FixtureTerritory.load(store);
        // a quartier covering the south-west quarter of the north-east corner commune (2.5 km × 2.5 km of 5 km × 5 km)
        double x = X0 + (SIDE - 1) * CELL;
        double y = Y0 + (SIDE - 1) * CELL;
        GeometryFactory gf = new GeometryFactory();
        Polygon quartier = gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + CELL / 2, y),
                new Coordinate(x + CELL / 2, y + CELL / 2), new Coordinate(x, y + CELL / 2), new Coordinate(x, y)});
        LayerSchema schema = new LayerSchema("qpv_perimetres", List.of(required("code_qp", STRING), optional("nom_qp", STRING),
                required("code_commune", STRING)), LayerSchema.GeometryType.MULTIPOLYGON, "code_qp");
        String corner = code(SIDE - 1, SIDE - 1);
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "qpv", null))) {
            w.write(new Feature("QP048001", gf.createMultiPolygon(new Polygon[] {quartier}),
                    props("code_qp", "QP048001", "nom_qp", "Quartier fixture", "code_commune", corner)));
            w.commit();
        }
        // an FRR classement (no geometry): read, so listed in the provenance
        LayerSchema frr = new LayerSchema("frr", List.of(required("code", STRING), required("classement", STRING)),
                LayerSchema.GeometryType.NONE, "code");
        try (LayerWriter w = store.replaceLayer(frr, new LayerInfo.Source("fixture", "frr", null))) {
            w.write(new Feature(corner, null, props("code", corner, "classement", "non_classee")));
            w.commit();
        }
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            // demande_min 0: the fixture's quartier has a few potential teleworkers only
            ScenarioRecord r = run(service, "qpv", Map.of("profil_appel", "qpv", "demande_min", 0));
            Map<String, Feature> ind = indicators(store, "qpv");
            Feature c = ind.get(corner);
            assertThat(c.get("qpv_perimetre")).isEqualTo(true);
            assertThat(c.get("fragile")).isEqualTo(false);
            // area share 2,500² / 5,000² = 0.25 of the commune's potential teleworkers
            assertThat((Double) c.get("demande_qpv")).isCloseTo(0.25 * (Double) c.get("demande"), within(1e-9));
            // the corner is ≈ 37 km (≈ 48 min) from the only venue: no seat within 30 min
            assertThat((Double) c.get("accessibilite_qpv")).isZero();
            assertThat((Double) c.get("demande_qpv")).isPositive();
            assertThat(c.get("carence")).as("corner %s", c.properties()).isEqualTo(true);
            assertThat(c.get("categories_fragilite")).isEqualTo("qpv");
            // every other commune is rural and mountain, but the profile targets QPV only
            assertThat(ind.values().stream().filter(f -> (Boolean) f.get("carence")).count()).isEqualTo(1);
            assertThat(r.resume().nbZones()).isEqualTo(1);
            assertThat(r.provenance()).extracting(fr.carence.analysis.store.InputVersion::couche)
                    .contains("qpv_perimetres", "frr");
            try (FeatureCursor z = store.query(ResultLayers.ZONES, FeatureQuery.all().withFilter(
                    new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, "qpv")))) {
                Feature zone = z.next();
                // the zone is drawn with the quartier, not the 25 km² commune
                assertThat(zone.geometry().getArea()).isCloseTo(CELL / 2 * CELL / 2, within(1.0));
                assertThat((Double) zone.get("demande")).isCloseTo((Double) c.get("demande_qpv"), within(1e-9));
                // coded and named after its QPV, not its commune
                assertThat(zone.get("code_zone")).isEqualTo("qpv-QP048001");
                assertThat((String) zone.get("nom")).startsWith("Quartier Quartier fixture (");
                assertThat(((Number) zone.get("nb_quartiers_qpv")).intValue()).isEqualTo(1);
            }
        }
    }

    private static String dep(Feature f) {
        String code = (String) f.get("code");
        int k = Integer.parseInt(code.substring(2)) - 101;
        return FixtureTerritory.departement(k / SIDE);
    }
}
