package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.model.Intention;
import fr.carence.analysis.model.Place;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Step 6c on a made-up fixture computed by hand. Four communes on a line (1 km = 1 minute), no
 * existing venue, demand 100 each, all fragile candidates, absolute threshold 1 seat per 1,000:
 * c0 at 0 km, c1 at 15 km (zone A, squares sharing an edge), c2 at 100 km, c3 at 101 km (zone B).
 * One intention of 0.2 seats at 0 km: R = 0.2 / (100 × 1 + 100 × 0.68) = 0.2 / 168 (c1 is in the
 * second band, weight 0.68; c2 and c3 are outside the 30-minute catchment), so
 * A(c0) = 1000 R = 1.1905 ≥ 1 (leaves carence) and A(c1) = 0.68 × 1000 R = 0.8095 < 1 (stays).
 */
class ResidualCarenceTest {

    private final TravelTimes oneMinutePerKm = new DetourTravelTimes(1.0, 60);
    private final DistanceDecay decay = new DistanceDecay(30, 1, 0.68, 0.22);
    private final List<Place> points = List.of(Fixtures.place("c0", 0), Fixtures.place("c1", 15),
            Fixtures.place("c2", 100), Fixtures.place("c3", 101));
    private final double[] demand = {100, 100, 100, 100};
    private final List<Geometry> squares = List.of(Fixtures.square(0, 0, 1000), Fixtures.square(1000, 0, 1000),
            Fixtures.square(9000, 0, 1000), Fixtures.square(10000, 0, 1000));
    private final boolean[] all = {true, true, true, true};

    private List<CarenceZoneBuilder.Zone> presumptive() {
        // no venue: accessibility 0 everywhere, score = demand
        CarenceClassifier.Result c = CarenceClassifier.classify(all, new double[] {1, 1, 1, 1}, demand, new double[4],
                new CarenceClassifier.Settings(0, false, 1, 0));
        return CarenceZoneBuilder.build(c.carence(), squares, c.score(), 0);
    }

    private ResidualCarence.Result residual(List<Intention> intentions) {
        return ResidualCarence.compute(new ResidualCarence.Inputs(points, demand, List.of(), intentions, oneMinutePerKm,
                decay, 30, new int[] {0, 1, 2, 3}, all, new double[] {1, 1, 1, 1}, demand, 0, 1), presumptive(), squares);
    }

    @Test
    void intentionsTakeServedCommunesOutOfTheirZone() {
        List<CarenceZoneBuilder.Zone> zones = presumptive();
        assertEquals(2, zones.size());
        Intention i = new Intention("AMII-1", "Fixture SARL", 0.2, "confirme", Fixtures.place("c0", 0));
        ResidualCarence.Result r = residual(List.of(i));

        assertTrue(r.applied());
        double ratio = 0.2 / 168;
        assertEquals(1000 * ratio, r.access()[0], 1e-9);
        assertEquals(0.68 * 1000 * ratio, r.access()[1], 1e-9);
        assertEquals(0, r.access()[2], 1e-12);
        assertArrayEquals(new boolean[] {false, true, true, true}, r.carence());

        int a = zones.get(0).members().contains(0) ? 0 : 1;
        ResidualCarence.Zone zoneA = r.zones().get(a);
        assertEquals(List.of(1), zoneA.members(), "c1 stays in carence");
        assertEquals(100, zoneA.demandServed(), 1e-9, "c0's demand is served");
        assertEquals(100 * (1 - 0.68 * 1000 * ratio), zoneA.score(), 1e-9);
        assertEquals(List.of(0), zoneA.intentions(), "the intention is within 30 minutes of zone A");
        assertEquals(1_000_000, zoneA.geometry().getArea(), 1e-6, "only c1's square remains");

        ResidualCarence.Zone zoneB = r.zones().get(1 - a);
        assertEquals(List.of(2, 3), zoneB.members());
        assertEquals(List.of(), zoneB.intentions(), "100 minutes away: does not touch zone B");
        assertEquals(0, zoneB.demandServed(), 1e-12);
        assertTrue(zones.get(1 - a).geometry().equalsExact(zoneB.geometry()), "an untouched zone keeps its geometry");
    }

    @Test
    void enoughSeatsServeTheWholeZone() {
        // 10 seats: A(c1) = 0.68 × 10 / 168 × 1000 = 40.5 ≥ 1
        ResidualCarence.Result r = residual(List.of(new Intention("AMII-2", "Fixture", 10, "projet", Fixtures.place("c0", 0))));
        int a = presumptive().get(0).members().contains(0) ? 0 : 1;
        assertFalse(r.zones().get(a).remains());
        assertEquals(200, r.zones().get(a).demandServed(), 1e-9);
        assertTrue(r.zones().get(1 - a).remains());
    }

    @Test
    void withoutIntentionsResidualIsPresumptive() {
        List<CarenceZoneBuilder.Zone> zones = presumptive();
        ResidualCarence.Result r = ResidualCarence.none(new boolean[] {true, true, true, true}, new double[4], zones);
        assertFalse(r.applied());
        for (int z = 0; z < zones.size(); z++) {
            assertEquals(zones.get(z).members(), r.zones().get(z).members());
            assertSame(zones.get(z).geometry(), r.zones().get(z).geometry());
            assertEquals(zones.get(z).score(), r.zones().get(z).score());
            assertEquals(0, r.zones().get(z).demandServed());
        }
    }
}
