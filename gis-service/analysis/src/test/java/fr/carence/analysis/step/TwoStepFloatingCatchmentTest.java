package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoStepFloatingCatchmentTest {

    // detour 1, 60 km/h: 1 km = 1 minute
    private final TravelTimes oneMinutePerKm = new DetourTravelTimes(1.0, 60);
    private final DistanceDecay decay = new DistanceDecay(30, 1, 0.68, 0.22);

    @Test
    void handComputedFixture() {
        // communes at 0, 15 and 40 km with demand 100, 200, 300; venues at 0 (10 seats) and 40 km (5 seats)
        List<Place> communes = List.of(Fixtures.place("c0", 0), Fixtures.place("c1", 15), Fixtures.place("c2", 40));
        double[] demand = {100, 200, 300};
        List<Venue> venues = List.of(new Venue("v1", Fixtures.place("c0", 0), 10, true),
                new Venue("v2", Fixtures.place("c2", 40), 5, true));
        var r = TwoStepFloatingCatchment.compute(communes, demand, venues, oneMinutePerKm, decay);
        double r1 = 10 / (100 * 1 + 200 * 0.68);   // c2 is 40 min away: outside
        double r2 = 5 / (200 * 0.22 + 300 * 1);    // c1 is 25 min away: third band
        assertEquals(r1 * 1000, r.supplyRatio()[0], 1e-9);
        assertEquals(r2 * 1000, r.supplyRatio()[1], 1e-9);
        assertEquals(r1 * 1000, r.accessibility()[0], 1e-9);
        assertEquals((r1 * 0.68 + r2 * 0.22) * 1000, r.accessibility()[1], 1e-9);
        assertEquals(r2 * 1000, r.accessibility()[2], 1e-9);
        assertEquals(15, r.nearestVenueMinutes()[1], 1e-9);
    }

    @Test
    void overseasCommunesNeverReachMetropolitanVenues() {
        List<Place> communes = List.of(new Place("97411", 0, 0, 2975));
        List<Venue> venues = List.of(new Venue("v", new Place("75056", 0, 0, 2154), 10, true));
        var r = TwoStepFloatingCatchment.compute(communes, new double[] {100}, venues, oneMinutePerKm, decay);
        assertEquals(0, r.accessibility()[0]);
        assertEquals(Double.POSITIVE_INFINITY, r.nearestVenueMinutes()[0]);
    }

    @Test
    void matrixTimesOverrideTheEstimateInBothDirections() {
        TravelTimes m = new MatrixTravelTimes(Map.of("c0>c2", 12.0), oneMinutePerKm);
        assertEquals(12, m.minutes(Fixtures.place("c2", 40), Fixtures.place("c0", 0)), 1e-9);
        assertEquals(15, m.minutes(Fixtures.place("c0", 0), Fixtures.place("c1", 15)), 1e-9);
    }

    @Test
    void decayBands() {
        assertEquals(1, decay.weight(0));
        assertEquals(1, decay.weight(9.99));
        assertEquals(0.68, decay.weight(10));
        assertEquals(0.22, decay.weight(30));
        assertEquals(0, decay.weight(30.01));
        assertEquals(0, decay.weight(Double.POSITIVE_INFINITY));
    }
}
