package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RadiationModelTest {

    @Test
    void matchesTheFormulaComputedByHand() {
        // A(100) at 0 km, B(200) at 10, C(300) at 20, D(400) at 30; M = 1000; T_A = 100 × 0.5 × 1 = 50
        List<Commune> c = List.of(Fixtures.commune("A", 100, 0, 0), Fixtures.commune("B", 200, 10, 0),
                Fixtures.commune("C", 300, 20, 0), Fixtures.commune("D", 400, 30, 0));
        Map<String, Double> f = flowsFrom(c, 0, new RadiationModel.Settings(0.5, 1.0, 100, 0));
        double norm = 50 / (1 - 100.0 / 1000);
        assertEquals(norm * 100 * 200 / (100.0 * 300), f.get("B"), 1e-9);        // s = 0
        assertEquals(norm * 100 * 300 / (300.0 * 600), f.get("C"), 1e-9);        // s = 200
        assertEquals(norm * 100 * 400 / (600.0 * 1000), f.get("D"), 1e-9);       // s = 500
        // with every commune in range the flows sum to T_A exactly (the model's normalisation)
        assertEquals(50, f.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void destinationsAtTheSameDistanceDoNotCountEachOtherAsIntervening() {
        List<Commune> c = List.of(Fixtures.commune("A", 100, 0, 0), Fixtures.commune("B", 200, 10, 0),
                Fixtures.commune("B2", 200, -10, 0));
        Map<String, Double> f = flowsFrom(c, 0, new RadiationModel.Settings(1, 1, 100, 0));
        assertEquals(f.get("B"), f.get("B2"), 1e-12);
        double norm = 100 / (1 - 100.0 / 500);
        assertEquals(norm * 100 * 200 / (100.0 * 300), f.get("B"), 1e-9);
    }

    @Test
    void radiusAndMinimumFlowPruneDestinations() {
        List<Commune> c = List.of(Fixtures.commune("A", 100, 0, 0), Fixtures.commune("B", 200, 10, 0),
                Fixtures.commune("C", 300, 20, 0), Fixtures.commune("D", 400, 30, 0));
        Map<String, Double> f = flowsFrom(c, 0, new RadiationModel.Settings(0.5, 1.0, 25, 0));
        assertEquals(2, f.size());
        Map<String, Double> g = flowsFrom(c, 0, new RadiationModel.Settings(0.5, 1.0, 100, 5));
        assertEquals(List.of("B", "C"), g.keySet().stream().sorted().toList());
    }

    @Test
    void everyModelledFlowIsFlagged() {
        List<Commune> c = List.of(Fixtures.commune("A", 100, 0, 0), Fixtures.commune("B", 200, 10, 0));
        for (Flow f : RadiationModel.estimate(c, new int[] {0, 1}, new RadiationModel.Settings(0.4, 0.66, 100, 0))) {
            assertTrue(f.modelled());
            assertTrue(Double.isNaN(f.carCommuters()));
        }
    }

    private static Map<String, Double> flowsFrom(List<Commune> c, int origin, RadiationModel.Settings s) {
        Map<String, Double> m = new HashMap<>();
        for (Flow f : RadiationModel.estimate(c, new int[] {origin}, s)) {
            m.put(c.get(f.destination()).code(), f.commuters());
        }
        return m;
    }
}
