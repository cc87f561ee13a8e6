package fr.carence.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store written before runs recorded their author (no {@code auteur} column) stays readable:
 * the service upgrades the {@code scenarios} table at start, and new runs then keep their author.
 * On both stores (H2GIS's tables check the schema of every write).
 */
class ScenarioTableUpgradeTest {

    @BothStores
    void olderRecordsStayReadableAndNewRunsRecordTheirAuthor(FeatureStore store) throws Exception {
        FixtureTerritory.load(store);
        LayerSchema before = new LayerSchema(ResultLayers.SCENARIOS, ResultLayers.SCENARIOS_SCHEMA.attributes().stream()
                .filter(a -> !a.name().equals("auteur")).toList(), ResultLayers.SCENARIOS_SCHEMA.geometryType(),
                ResultLayers.SCENARIOS_SCHEMA.idAttribute());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "ancien");
        p.put(ResultLayers.PARTITION, "ancien");
        p.put("nom", "Scénario d'avant");
        p.put("parametres", "{}");
        p.put("statut", ScenarioRecord.TERMINE);
        p.put("progression", 1.0);
        p.put("created_at", Instant.parse("2026-01-01T00:00:00Z"));
        try (LayerWriter w = store.replacePartition(before, ResultLayers.PARTITION, "ancien",
                new LayerInfo.Source("scenario", "scenarios", null))) {
            w.write(new Feature("ancien", null, p));
            w.commit();
        }

        try (ScenarioService service = new ScenarioService(store, 1, 2, null)) {
            assertEquals(ResultLayers.SCENARIOS_SCHEMA, store.schema(ResultLayers.SCENARIOS).orElseThrow());
            ScenarioRecord old = service.get("ancien").orElseThrow();
            assertEquals("Scénario d'avant", old.nom());
            assertEquals(ScenarioRecord.TERMINE, old.statut());
            assertNull(old.auteur());

            assertEquals("planif", service.submit("neuf", null, Map.of(), "planif").auteur());
            assertTrue(service.await("neuf", 60_000));
            ScenarioRecord done = service.get("neuf").orElseThrow();
            assertEquals(ScenarioRecord.TERMINE, done.statut(), done.message());
            assertEquals("planif", done.auteur());
            assertEquals(List.of("ancien", "neuf"), service.list().stream().map(ScenarioRecord::id).toList());
        }
        try (ScenarioService restarted = new ScenarioService(store, 1, 2, null)) {
            assertEquals("planif", restarted.get("neuf").orElseThrow().auteur(), "read back from the table");
        }
    }
}
