package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactSimulatorTest {

    @Test
    void handComputedSavings() {
        // node 0 at 0 km, commute 40 km, 100 teleworkers; node 1 at 25 km, commute 20 km, 50 teleworkers;
        // node 2 at 90 km: out of reach. One site at 5 km. Detour 1.3, 60 km/h, catchment 30 min.
        var s = new ImpactSimulator.Settings(1, 45, 1, 0.31, 1.3, 60, 6.5, 0.218);
        var r = ImpactSimulator.simulate(List.of(Fixtures.place("n0", 0), Fixtures.place("n1", 25), Fixtures.place("n2", 90)),
                new double[] {100, 50, 70}, new double[] {40, 20, 30}, List.of(Fixtures.place("s", 5)),
                new DetourTravelTimes(1.3, 60), 30, s);
        assertArrayEquals(new int[] {0, 0, -1}, r.assignedSite());
        // node 0: 2 × 1.3 × (40 − 5) = 91 road km per day; node 1: 2 × 1.3 × (20 − 20) = 0
        double weekly = 100 * 91 * (1 - 0.31);
        var impact = r.impacts()[0];
        assertEquals(150, impact.demandCovered(), 1e-9);
        assertEquals(2, impact.communesCovered());
        assertEquals(weekly, impact.kmAvoidedWeekly(), 1e-9);
        assertEquals(weekly * 45, impact.kmAvoidedYearly(), 1e-6);
        assertEquals(weekly * 45 / 60, impact.hoursSavedYearly(), 1e-6);
        assertEquals(weekly * 45 * 0.065, impact.fuelLitresYearly(), 1e-6);
        assertEquals(weekly * 45 * 0.218, impact.kgCo2eYearly(), 1e-6);
    }
}
