package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of steps 3 + 6 on random made-up territories. */
class CarencePropertiesTest {
    private final TravelTimes times = new DetourTravelTimes(1.3, 60);
    private final DistanceDecay decay = new DistanceDecay(30, 1, 0.68, 0.22);

    @Test
    void addingAVenueNeverPutsACommuneInCarence() {
        Random r = new Random(42);
        for (int round = 0; round < 30; round++) {
            Territory t = Territory.random(r, 80);
            List<Venue> venues = t.randomVenues(r, 1 + r.nextInt(4));
            boolean[] before = carence(t, venues, 1.0);
            List<Venue> more = new ArrayList<>(venues);
            more.add(new Venue("new", t.places.get(r.nextInt(t.places.size())), 1 + r.nextInt(30), true));
            boolean[] after = carence(t, more, 1.0);
            for (int i = 0; i < before.length; i++) {
                assertFalse(after[i] && !before[i], "round " + round + ", commune " + i + " entered carence");
            }
        }
    }

    @Test
    void raisingTheThresholdNeverShrinksTheCarenceSet() {
        Random r = new Random(43);
        for (int round = 0; round < 30; round++) {
            Territory t = Territory.random(r, 80);
            List<Venue> venues = t.randomVenues(r, 3);
            boolean[] low = carence(t, venues, 0.5);
            boolean[] high = carence(t, venues, 5);
            for (int i = 0; i < low.length; i++) {
                assertTrue(!low[i] || high[i], "round " + round + ", commune " + i + " left carence");
            }
        }
    }

    @Test
    void percentileModeSelectsTheLeastServedCommunes() {
        double[] demand = {10, 10, 10, 10, 0};
        double[] access = {0, 1, 2, 3, 0};
        boolean[] fragile = {true, true, true, true, true};
        double[] weight = {1, 1, 1, 1, 1};
        var r = CarenceClassifier.classify(fragile, weight, demand, access, new CarenceClassifier.Settings(1, true, 0, 50));
        assertEquals(2, r.threshold(), 1e-12);
        assertTrue(r.carence()[0] && r.carence()[1]);
        assertFalse(r.carence()[2] || r.carence()[3] || r.carence()[4]);
        assertEquals(10 * 1 * (1 - 1 / 2.0), r.score()[1], 1e-12);
    }

    @Test
    void onlyFragileCommunesWithEnoughDemandAreInCarence() {
        var r = CarenceClassifier.classify(new boolean[] {true, false, true}, new double[] {2, 0, 1},
                new double[] {10, 10, 3}, new double[] {0, 0, 0}, new CarenceClassifier.Settings(5, false, 1, 0));
        assertTrue(r.carence()[0]);
        assertFalse(r.carence()[1]);
        assertFalse(r.carence()[2]);
        assertEquals(20, r.score()[0], 1e-12);
    }

    private boolean[] carence(Territory t, List<Venue> venues, double threshold) {
        var access = TwoStepFloatingCatchment.compute(t.places, t.demand, venues, times, decay);
        return CarenceClassifier.classify(t.fragile, t.weight, t.demand, access.accessibility(),
                new CarenceClassifier.Settings(5, false, threshold, 0)).carence();
    }

    /** Made-up territory: random points in an 80 km square, random demand and fragility. */
    private record Territory(List<Place> places, double[] demand, boolean[] fragile, double[] weight) {
        static Territory random(Random r, int n) {
            List<Place> p = new ArrayList<>();
            double[] d = new double[n];
            boolean[] f = new boolean[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                p.add(new Place("c" + i, r.nextDouble() * 80_000, r.nextDouble() * 80_000, 2154));
                d[i] = r.nextInt(200);
                f[i] = r.nextDouble() < 0.7;
                w[i] = f[i] ? 1 + r.nextInt(3) : 0;
            }
            return new Territory(p, d, f, w);
        }

        List<Venue> randomVenues(Random r, int count) {
            List<Venue> v = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                v.add(new Venue("v" + k, places.get(r.nextInt(places.size())), 1 + r.nextInt(30), true));
            }
            return v;
        }
    }
}
