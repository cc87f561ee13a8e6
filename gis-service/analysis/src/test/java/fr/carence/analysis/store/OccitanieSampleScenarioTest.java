package fr.carence.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.scenario.ScenarioComparison;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The default scenario on the committed Occitanie sample (loaded by the loaders), on H2GIS and
 * PostGIS: the application's first-start path end to end, through the real JDBC stores.
 */
class OccitanieSampleScenarioTest {
    static final String MENDE = "48095";

    @BothStores
    void defaultScenarioOnTheOccitanieSample(FeatureStore store) throws Exception {
        OccitanieSample.loadInto(store, Progress.silent());
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            service.ensureDefault();
            assertTrue(service.await(ScenarioService.DEFAULT_ID, 300_000));
            ScenarioRecord r = service.get(ScenarioService.DEFAULT_ID).orElseThrow();
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
            assertEquals(r.resume().nbZones().longValue(), store.count(ResultLayers.ZONES, FeatureQuery.all()));

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
