package fr.carence.analysis.store;

import static fr.carence.analysis.store.FixtureTerritory.CELL;
import static fr.carence.analysis.store.FixtureTerritory.SIDE;
import static fr.carence.analysis.store.FixtureTerritory.X0;
import static fr.carence.analysis.store.FixtureTerritory.Y0;
import static fr.carence.analysis.store.FixtureTerritory.code;
import static fr.carence.analysis.store.FixtureTerritory.props;
import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;
import static fr.carence.store.LayerSchema.AttributeType.INTEGER;
import static fr.carence.store.LayerSchema.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carence.analysis.result.ResultRows;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Step 6c through the real stores on the made-up {@link FixtureTerritory}: without an AMII the
 * residual zones are the presumptive ones and say so; with one, a large confirmed intention in
 * the north-east corner (made up) takes the communes it serves out of their zone, the zone keeps
 * its code and name and lists the intention, an abandoned one is never applied, the presumptive
 * zones do not change, and the intentions layer is in the scenario's provenance.
 */
class AmiiScenarioTest {

    static final LayerSchema INTENTIONS = new LayerSchema(AnalysisInputReader.INTENTIONS, List.of(required("id", STRING),
            required("porteur", STRING), required("places", INTEGER), required("statut", STRING),
            optional("code_commune", STRING)), LayerSchema.GeometryType.POINT, "id");

    /**
     * A 5-minute catchment (≈ 3.8 km straight at detour 1.3 and 60 km/h; communes are 5 km apart):
     * an intention serves its own commune only; demande_min 0 puts every commune without a venue
     * in reach in carence, so the corner's zone is larger than the corner.
     */
    private static final Map<String, Object> SHORT = Map.of("bassin_minutes", 5, "demande_min", 0);

    private static Map<String, Feature> byId(FeatureStore store, String layer, String scenario) {
        Map<String, Feature> out = new TreeMap<>();
        try (FeatureCursor c = store.query(layer, FeatureQuery.all().withFilter(
                new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, scenario)))) {
            c.forEachRemaining(f -> out.put(f.id(), f));
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

    private static double number(Feature f, String name) {
        return ((Number) f.get(name)).doubleValue();
    }

    @BothStores
    void intentionsServeTheirZoneAndResidualIsPresumptiveWithoutThem(FeatureStore store) throws Exception {
        FixtureTerritory.load(store);
        String corner = code(SIDE - 1, SIDE - 1);
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            ScenarioRecord sans = run(service, "sans", SHORT);
            Map<String, Feature> zones = byId(store, ResultLayers.ZONES, "sans");
            Map<String, Feature> residual = byId(store, ResultLayers.ZONES_RESIDUELLES, "sans");
            assertThat(zones).isNotEmpty();
            assertThat(residual.keySet()).isEqualTo(zones.keySet());
            for (Feature r : residual.values()) {
                Feature z = zones.get(r.id());
                assertThat(r.get("nom")).isEqualTo(z.get("nom"));
                assertThat(r.get("rang")).isEqualTo(z.get("rang"));
                assertThat(r.get("codes_communes")).isEqualTo(z.get("codes_communes"));
                assertThat(number(r, "demande")).isCloseTo(number(z, "demande"), within(1e-9));
                assertThat(number(r, "demande_servie_intentions")).isZero();
                assertThat(r.get("intentions")).isNull();
                assertThat(r.get("statut_amii")).isEqualTo(ResultRows.AUCUN_AMII);
                assertThat(r.geometry().getArea()).isCloseTo(z.geometry().getArea(), within(1e-3));
            }
            assertThat(sans.provenance()).extracting(InputVersion::couche).doesNotContain(AnalysisInputReader.INTENTIONS);
            String cornerZone = zones.values().stream().filter(z -> Arrays.asList(((String) z.get("codes_communes")).split(";"))
                    .contains(corner)).map(Feature::id).findFirst().orElseThrow(() -> new AssertionError(
                    "fixture: the north-east corner must be in carence without the AMII"));

            // Made-up AMII: 1,000 confirmed seats at the corner's centre, an abandoned one beside it.
            GeometryFactory gf = new GeometryFactory();
            double x = X0 + (SIDE - 0.5) * CELL;
            double y = Y0 + (SIDE - 0.5) * CELL;
            try (LayerWriter w = store.replaceLayer(INTENTIONS, new LayerInfo.Source("intentions", "amii-fixture.csv", null))) {
                w.write(new Feature("AMII-1", gf.createPoint(new Coordinate(x, y)), props("id", "AMII-1",
                        "porteur", "Fixture porteur", "places", 1000, "statut", "confirme", "code_commune", corner)));
                w.write(new Feature("AMII-2", gf.createPoint(new Coordinate(x - CELL, y)), props("id", "AMII-2",
                        "porteur", "Fixture abandon", "places", 1000, "statut", "abandonne", "code_commune", code(SIDE - 1, SIDE - 2))));
                w.commit();
            }
            ScenarioRecord avec = run(service, "avec", SHORT);
            Map<String, Feature> zonesAvec = byId(store, ResultLayers.ZONES, "avec");
            Map<String, Feature> residualAvec = byId(store, ResultLayers.ZONES_RESIDUELLES, "avec");
            // the presumptive zones are the model's: the AMII does not change them
            assertThat(zonesAvec.keySet()).isEqualTo(zones.keySet().stream().map(id -> id.replace("sans:", "avec:"))
                    .collect(java.util.stream.Collectors.toSet()));
            assertThat(residualAvec.keySet()).isSubsetOf(zonesAvec.keySet());
            double presumed = zonesAvec.values().stream().mapToDouble(z -> number(z, "demande")).sum();
            double remaining = residualAvec.values().stream().mapToDouble(z -> number(z, "demande")).sum();
            assertThat(remaining).isLessThan(presumed);
            assertThat(residualAvec.values()).noneMatch(r -> Arrays.asList(((String) r.get("codes_communes")).split(";"))
                    .contains(corner));
            String touched = cornerZone.replace("sans:", "avec:");
            assertThat(residualAvec).as("the corner's zone reaches beyond the intention's 5-minute catchment")
                    .containsKey(touched);
            {
                Feature r = residualAvec.get(touched);
                assertThat(r.get("nom")).isEqualTo(zonesAvec.get(touched).get("nom"));
                assertThat(r.get("intentions")).isEqualTo("AMII-1 (Fixture porteur, 1000 places, confirme)");
                assertThat(number(r, "demande_servie_intentions")).isPositive();
                assertThat(number(r, "demande") + number(r, "demande_servie_intentions"))
                        .isCloseTo(number(r, "demande_presumee"), within(1e-6));
                assertThat(r.get("statut_amii")).asString()
                        .startsWith("AMII appliqué : 1 intention(s) retenue(s) sur 2 du fichier amii-fixture.csv");
            }
            assertThat(residualAvec.values()).allMatch(r -> r.get("intentions") == null
                    || !((String) r.get("intentions")).contains("AMII-2"));
            assertThat(avec.provenance()).extracting(InputVersion::couche).contains(AnalysisInputReader.INTENTIONS);

            // appliquer_intentions = false: residual = presumptive again, and the status says why
            run(service, "non", Map.of("bassin_minutes", 5, "demande_min", 0, "appliquer_intentions", false));
            Map<String, Feature> residualNon = byId(store, ResultLayers.ZONES_RESIDUELLES, "non");
            assertThat(residualNon).hasSameSizeAs(zones);
            assertThat(residualNon.values()).allMatch(r -> ((String) r.get("statut_amii"))
                    .startsWith(ResultRows.AUCUN_AMII) && ((String) r.get("statut_amii")).contains("non appliquées"));
        }
    }

    /**
     * An intention declared "ouvert" in the commune of the inventory's venue (made up: lieu-1 in the
     * south-west corner) may be that venue: the run warns, counting it alone (not an "ouvert" one
     * elsewhere nor a "confirme" one beside the venue), and names no intention, since the warnings
     * are public and the intentions are not.
     */
    @BothStores
    void anOpenIntentionInACommuneWithAnInventoriedVenueIsCountedAsAPossibleDuplicate(FeatureStore store) throws Exception {
        FixtureTerritory.load(store);
        GeometryFactory gf = new GeometryFactory();
        try (LayerWriter w = store.replaceLayer(INTENTIONS, new LayerInfo.Source("intentions", "amii-fixture.csv", null))) {
            w.write(new Feature("AMII-1", gf.createPoint(new Coordinate(X0 + CELL / 2 + 50, Y0 + CELL / 2)), props("id", "AMII-1",
                    "porteur", "Fixture ouvert", "places", 15, "statut", "ouvert", "code_commune", code(0, 0))));
            w.write(new Feature("AMII-2", gf.createPoint(new Coordinate(X0 + CELL / 2, Y0 + CELL / 2 + 50)), props("id", "AMII-2",
                    "porteur", "Fixture confirme", "places", 15, "statut", "confirme", "code_commune", code(0, 0))));
            w.write(new Feature("AMII-3", gf.createPoint(new Coordinate(X0 + 2.5 * CELL, Y0 + 2.5 * CELL)), props("id", "AMII-3",
                    "porteur", "Fixture ailleurs", "places", 15, "statut", "ouvert", "code_commune", code(2, 2))));
            w.commit();
        }
        // The stores are shared by the class's tests: the other one starts without an AMII.
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            ScenarioRecord r = run(service, "doublon", SHORT);
            List<String> flagged = r.avertissements().stream().filter(a -> a.contains("doublon")).toList();
            assertThat(flagged).containsExactly("1 intention(s) AMII de statut « ouvert » dans une commune où l'inventaire "
                    + "des lieux compte déjà un lieu : doublon(s) possible(s), leurs places sont comptées en plus des lieux "
                    + "inventoriés ; le dossier de zone les signale (liste des intentions réservée aux comptes). Si c'est le "
                    + "même lieu, retirer l'intention du fichier AMII et relancer le scénario");
            assertThat(r.avertissements()).noneMatch(a -> a.contains("AMII-") || a.contains("Fixture"));
        } finally {
            store.dropLayer(AnalysisInputReader.INTENTIONS);
        }
    }
}
