package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandEstimatorTest {

    // fixture: A at 0 km, B at 10 km, C at 30 km on a line
    private final List<Commune> communes = List.of(Fixtures.commune("A", 1000, 0, 0), Fixtures.commune("B", 500, 10, 0),
            Fixtures.commune("C", 800, 30, 0));
    private final List<Flow> flows = List.of(
            new Flow(0, 0, 500, 300, false),   // works in its own commune: never counted
            new Flow(0, 1, 100, 60, false),    // 10 km: below the 15 km minimum
            new Flow(0, 2, 50, 40, false),     // 30 km: counted
            new Flow(1, 2, 20, Double.NaN, true)); // 20 km, mode unknown

    @Test
    void countsOnlyLongCommutesTimesTeleworkableShare() {
        var r = DemandEstimator.estimate(communes, flows, new DemandEstimator.Settings(15, 200, 0.33, false));
        assertEquals(150, r.outboundCommuters()[0], 1e-9);
        assertEquals(50, r.eligibleCommuters()[0], 1e-9);
        assertEquals(16.5, r.demand()[0], 1e-9);
        assertEquals(30, r.meanEligibleKm()[0], 1e-9);
        assertEquals(50.0 / 150, r.longDistanceShare()[0], 1e-9);
        assertEquals(20 * 0.33, r.demand()[1], 1e-9);
        assertEquals(0, r.demand()[2], 1e-9);
        assertTrue(Double.isNaN(r.meanEligibleKm()[2]));
    }

    @Test
    void carOnlyUsesCarCommutersWhereTheModeIsKnown() {
        var r = DemandEstimator.estimate(communes, flows, new DemandEstimator.Settings(15, 200, 0.5, true));
        assertEquals(40 * 0.5, r.demand()[0], 1e-9);
        assertEquals(20 * 0.5, r.demand()[1], 1e-9, "mode unknown: all commuters kept");
    }

    @Test
    void tripsBeyondTheMaximumAreNotDaily() {
        var r = DemandEstimator.estimate(communes, flows, new DemandEstimator.Settings(15, 25, 1, false));
        assertEquals(0, r.demand()[0], 1e-9);
        assertEquals(20, r.demand()[1], 1e-9);
    }
}
