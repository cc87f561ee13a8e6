package fr.carence.analysis.store;

import fr.carence.analysis.scenario.ScenarioComparison;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.ScenarioIds;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default scenario on the committed Occitanie sample (loaded by the loaders), on H2GIS and
 * PostGIS: the application's first-start path end to end, through the real JDBC stores.
 */
class OccitanieSampleScenarioTest {
    static final String MENDE = "48095";

    /** code_zone → zone feature of a scenario. */
    static Map<String, Feature> zones(FeatureStore store, String scenario) {
        Map<String, Feature> out = new HashMap<>();
        try (FeatureCursor c = store.query(ResultLayers.ZONES, FeatureQuery.all().withFilter(
                new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, scenario)))) {
            c.forEachRemaining(f -> out.put((String) f.get("code_zone"), f));
        }
        return out;
    }

    @BothStores
    void defaultScenarioOnTheOccitanieSample(FeatureStore store) throws Exception {
        OccitanieSample.loadInto(store, Progress.silent());
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            service.ensureDefault();
            assertTrue(service.await(ScenarioIds.DEFAULT_ID, 300_000));
            ScenarioRecord r = service.get(ScenarioIds.DEFAULT_ID).orElseThrow();
            assertEquals(ScenarioRecord.TERMINE, r.statut(), r.message());
            assertTrue(r.resume().nbCommunesCarence() > 0);

            Map<String, Feature> indicators = new HashMap<>();
            try (FeatureCursor c = store.query(ResultLayers.INDICATEURS, FeatureQuery.all().withFilter(
                    new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, "defaut")))) {
                c.forEachRemaining(f -> indicators.put((String) f.get("code"), f));
            }
            assertEquals(r.resume().nbCommunes(), indicators.size());
            Feature mende = indicators.get(MENDE);
            assertFalse((Boolean) mende.get("carence"));
            Geometry mendeArea = mende.geometry().buffer(5000);
            List<String> around = new ArrayList<>();
            for (Feature f : indicators.values()) {
                if (f.geometry() != null && f.geometry().intersects(mendeArea)) {
                    around.add((String) f.get("code"));
                    assertFalse((Boolean) f.get("carence"), f.get("code") + " near Mende is in carence");
                }
            }
            assertTrue(around.size() >= 5, "communes around Mende: " + around);
            assertTrue(indicators.values().stream().anyMatch(f -> (Boolean) f.get("carence")
                    && ((String) f.get("code")).startsWith("48")), "a Lozère commune in carence");
            assertTrue(indicators.values().stream().anyMatch(f -> (Boolean) f.get("carence")
                    && ((String) f.get("code")).startsWith("12")), "an Aveyron commune in carence");
            assertTrue(store.count(ResultLayers.SITES, FeatureQuery.all()) > 0);
            // the default scenario carries the robustness analysis (100 draws)
            assertTrue(r.tempsEtapesMs().containsKey("6b-robustesse"));
            for (Feature f : indicators.values()) {
                double share = (Double) f.get("part_carence_robustesse");
                assertTrue(share >= 0 && share <= 1);
                assertEquals(share == 0 ? null : share >= 0.8 ? "robuste" : share >= 0.5 ? "probable" : "sensible",
                        f.get("classe_robustesse"), f.get("code") + " share " + share);
            }
            assertEquals(0.0, (Double) mende.get("part_carence_robustesse"), "Mende has venues under every setting");
            assertTrue(indicators.values().stream().anyMatch(f -> "robuste".equals(f.get("classe_robustesse"))));
            assertEquals(r.resume().nbZones().longValue(), store.count(ResultLayers.ZONES, FeatureQuery.all()));

            // zones keep their code and name across scenarios: fewer sites, same carence, same zones
            service.submit("sites3", null, Map.of("nombre_sites", 3));
            assertTrue(service.await("sites3", 300_000));
            Map<String, Feature> zones = zones(store, "defaut");
            Map<String, Feature> zones3 = zones(store, "sites3");
            assertEquals(zones.keySet(), zones3.keySet());
            zones.forEach((code, z) -> {
                assertEquals(z.get("nom"), zones3.get(code).get("nom"));
                assertEquals(z.get("codes_communes"), zones3.get(code).get("codes_communes"));
                assertEquals("defaut:" + code, z.id());
            });
            // clusters by their members' hash, the QPV quartiers judged apart (Béziers, Sète) by their QPV codes
            assertTrue(zones.keySet().stream().allMatch(c -> c.matches("grappe-[0-9a-f]{10}|qpv-QP\\d{6}(\\+QP\\d{6})*")),
                    zones.keySet().toString());
            assertTrue(zones.keySet().containsAll(List.of("qpv-QP034001+QP034002+QP034003", "qpv-QP034017+QP034018")));
            // zones by EPCI: one per EPCI with carence communes, named after it, the same communes in carence
            service.submit("par-epci", null, Map.of("unite_zonage", "epci"));
            assertTrue(service.await("par-epci", 300_000));
            ScenarioRecord byEpci = service.get("par-epci").orElseThrow();
            assertEquals(r.resume().nbCommunesCarence(), byEpci.resume().nbCommunesCarence());
            Map<String, String> epciNames = new HashMap<>();
            try (FeatureCursor c = store.query("epci", FeatureQuery.all().withoutGeometry())) {
                c.forEachRemaining(f -> epciNames.put((String) f.get("code"), (String) f.get("nom")));
            }
            Map<String, Feature> epciZones = zones(store, "par-epci");
            assertTrue(epciZones.size() < zones.size(), "fewer EPCI zones than clusters");
            int members = 0;
            for (Map.Entry<String, Feature> e : epciZones.entrySet()) {
                assertTrue(e.getKey().startsWith("epci-"), e.getKey());
                assertEquals(epciNames.get(e.getKey().substring(5)), e.getValue().get("nom"));
                assertEquals("epci", e.getValue().get("unite"));
                members += (Integer) e.getValue().get("nb_communes");
            }
            assertEquals(r.resume().nbCommunesCarence().intValue(), members);
            service.delete("sites3");
            service.delete("par-epci");

            service.submit("strict", "seuil 5", Map.of("seuil_accessibilite", 5));
            assertTrue(service.await("strict", 300_000));
            ScenarioComparison cmp = service.compare("defaut", "strict");
            assertTrue(cmp.sortantes().isEmpty());
            assertTrue(cmp.communesCarenceAutre() >= cmp.communesCarenceReference());
            service.delete("strict");
            assertEquals(r.resume().nbCommunes().longValue(), store.count(ResultLayers.INDICATEURS, FeatureQuery.all()));
        }
    }
}
