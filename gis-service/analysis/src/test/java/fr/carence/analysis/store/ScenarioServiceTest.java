package fr.carence.analysis.store;

import fr.carence.analysis.param.InvalidParameterException;
import fr.carence.analysis.scenario.ScenarioComparison;
import fr.carence.analysis.scenario.ScenarioNotFoundException;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.Feature;
import fr.carence.store.ScenarioIds;
import fr.carence.store.testing.MemoryFeatureStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioServiceTest {
    private MemoryFeatureStore store;
    private ScenarioService service;

    @BeforeEach
    void setUp() {
        store = new MemoryFeatureStore();
        FixtureTerritory.load(store);
        service = new ScenarioService(store, 1, 4, null);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    @Test
    void defaultRunWritesEveryResultLayerInItsPartition() throws Exception {
        ScenarioRecord queued = service.ensureDefault().orElseThrow();
        assertEquals(ScenarioIds.DEFAULT_ID, queued.id());
        assertTrue(service.await("defaut", 60_000));
        ScenarioRecord done = service.get("defaut").orElseThrow();
        assertEquals(ScenarioRecord.TERMINE, done.statut(), done.message());
        assertEquals(36, done.resume().nbCommunes());
        assertEquals(36, done.resume().nbCommunesFluxModelises(), "no flux layer: every flow is modelled");
        assertTrue(done.tempsEtapesMs().containsKey("3-accessibilite"));
        assertTrue(service.ensureDefault().isEmpty(), "a finished default is not recomputed");

        List<Feature> indicators = store.rows(ResultLayers.INDICATEURS);
        assertEquals(36, indicators.size());
        Map<String, Feature> byCode = indicators.stream().collect(Collectors.toMap(f -> (String) f.get("code"), f -> f));
        Feature nearVenue = byCode.get(FixtureTerritory.code(0, 1));
        Feature farCorner = byCode.get(FixtureTerritory.code(5, 5));
        assertFalse((Boolean) nearVenue.get("carence"));
        assertTrue((Double) nearVenue.get("accessibilite") > 0);
        assertTrue((Boolean) farCorner.get("carence"), "35 km from the only venue");
        assertEquals(0.0, (Double) farCorner.get("accessibilite"));
        assertTrue((Boolean) farCorner.get("flux_modelise"));
        assertNotNull(farCorner.get("zone_id"));
        assertEquals("defaut:" + FixtureTerritory.code(5, 5), farCorner.id());

        List<Feature> zones = store.rows(ResultLayers.ZONES);
        assertEquals(done.resume().nbZones(), zones.size());
        Set<String> zoneIds = zones.stream().map(Feature::id).collect(Collectors.toSet());
        indicators.stream().map(f -> (String) f.get("zone_id")).filter(z -> z != null)
                .forEach(z -> assertTrue(zoneIds.contains(z), z));
        List<Feature> sites = store.rows(ResultLayers.SITES);
        assertFalse(sites.isEmpty());
        for (Feature s : sites) {
            assertEquals(0.5, (Double) s.get("taux_thd"), "only communes past the THD gate host sites");
            assertTrue((Double) s.get("demande_couverte") >= 0);
            assertTrue(((String) s.get("methode")).startsWith("exact"));
        }
        assertTrue(done.resume().demandeCouverte() > 0);
        assertFalse(store.rows(ResultLayers.FLUX_OD).isEmpty());
        assertTrue(store.rows(ResultLayers.FLUX_OD).stream().allMatch(f -> (Boolean) f.get("modelise")));
    }

    @Test
    void compareAndDeleteTouchOnlyTheirOwnPartitions() throws Exception {
        service.submit("bas", "seuil bas", Map.of("seuil_accessibilite", 0.5));
        service.submit("haut", "seuil haut", Map.of("seuil_accessibilite", 1000));
        assertTrue(service.await("bas", 60_000) && service.await("haut", 60_000));
        ScenarioComparison c = service.compare("bas", "haut");
        assertTrue(c.communesCarenceAutre() >= c.communesCarenceReference());
        assertFalse(c.entrantes().isEmpty(), "a higher threshold puts served communes in carence");
        assertTrue(c.sortantes().isEmpty(), "raising the threshold never removes a commune");
        assertEquals(c.communesCarenceAutre() - c.communesCarenceReference(), c.entrantes().size());

        service.delete("bas");
        assertTrue(store.rows(ResultLayers.INDICATEURS).stream().allMatch(f -> "haut".equals(f.get("scenario"))));
        assertEquals(36, store.rows(ResultLayers.INDICATEURS).size());
        assertTrue(service.get("bas").isEmpty());
        assertThrows(ScenarioNotFoundException.class, () -> service.delete("bas"));
        assertEquals(List.of("haut"), service.list().stream().map(ScenarioRecord::id).toList());
    }

    @Test
    void invalidSubmissionsNameTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> service.submit("x", null, Map.of("part_teletravaillable", 1.5)));
        assertEquals("part_teletravaillable", e.parameter());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        assertEquals("id", assertThrows(InvalidParameterException.class,
                () -> service.submit("Pas Bon", null, Map.of())).parameter());
        assertEquals("matrice_temps", assertThrows(InvalidParameterException.class,
                () -> service.submit("m", null, Map.of("matrice_temps", "temps.csv"))).parameter());
        assertTrue(service.list().isEmpty(), "nothing queued after a rejected submission");
    }

    @Test
    void aRunWithoutCommunesFailsWithAClearMessageAndWritesNoResult() throws Exception {
        store.dropLayer("communes");
        service.submit("vide", null, Map.of());
        assertTrue(service.await("vide", 60_000));
        ScenarioRecord r = service.get("vide").orElseThrow();
        assertEquals(ScenarioRecord.ECHEC, r.statut());
        assertTrue(r.message().contains("communes"), r.message());
        assertTrue(store.rows(ResultLayers.INDICATEURS).isEmpty());
    }
}
