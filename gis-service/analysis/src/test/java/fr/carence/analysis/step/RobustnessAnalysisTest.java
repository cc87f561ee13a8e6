package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five communes on a line (km): A at 0, B at 10, C at 20, D at 300 with a 15-seat venue, E at 600.
 * Base teleworkable share 0.33, demand minimum 5, absolute threshold.
 * <ul>
 * <li>A: fragile, demand 100, no venue within 45 min: in carence in every draw (demand ≥ 76);</li>
 * <li>B: not fragile: never;</li>
 * <li>C: fragile, demand 3: at most 3 × 0.45 / 0.33 = 4.1 &lt; 5: never;</li>
 * <li>D: fragile, demand 10 at the venue: 15 seats / ≤ 13.6 teleworkers ≈ 1,100 per 1,000 ≫ 2: never;</li>
 * <li>E: fragile, demand 5, no venue: in carence iff the drawn share ≥ 0.33, i.e. with probability
 *     (0.45 − 0.33) / (0.45 − 0.25) = 0.6.</li>
 * </ul>
 */
class RobustnessAnalysisTest {
    private static final List<Place> PLACES = List.of(Fixtures.place("A", 0), Fixtures.place("B", 10),
            Fixtures.place("C", 20), Fixtures.place("D", 300), Fixtures.place("E", 600));
    private static final double[] DEMAND = {100, 50, 3, 10, 5};

    private static RobustnessAnalysis.Base base() {
        return new RobustnessAnalysis.Base(PLACES, List.of(new Venue("v", PLACES.get(3), 15, true)),
                new DetourTravelTimes(1.3, 60), DEMAND, 0.33, new boolean[5],
                new boolean[] {true, false, true, true, true}, new double[] {1, 0, 1, 1, 1},
                new CarenceClassifier.Settings(5, false, 1, 20), m -> new DistanceDecay(m, 1, 0.68, 0.22));
    }

    @Test
    void sharesAndClassesMatchTheHandComputedProbabilities() {
        var zone = new CarenceZoneBuilder.Zone(List.of(0, 4), null, 1, 1, null);
        var r = RobustnessAnalysis.run(base(), List.of(zone), RobustnessAnalysis.Ranges.DEFAULT, 2000,
                (f, s) -> { });
        assertEquals(2000, r.draws());
        assertEquals(1.0, r.communeShare()[0]);
        assertEquals(0.0, r.communeShare()[1]);
        assertEquals(0.0, r.communeShare()[2]);
        assertEquals(0.0, r.communeShare()[3]);
        assertEquals(0.6, r.communeShare()[4], 0.035, "P(share ≥ 0.33) = 0.6; 2,000 draws: ± 3 σ = 0.033");
        // A carries 100 of the zone's 105: at least half its demand is in carence in every draw
        assertEquals(1.0, r.zoneShare()[0]);
        assertEquals(RobustnessAnalysis.ROBUSTE, RobustnessAnalysis.classe(r.communeShare()[0]));
        assertEquals(RobustnessAnalysis.PROBABLE, RobustnessAnalysis.classe(r.communeShare()[4]));
        assertNull(RobustnessAnalysis.classe(r.communeShare()[1]), "never in carence: no class");
        assertEquals(RobustnessAnalysis.SENSIBLE, RobustnessAnalysis.classe(0.49));
        assertEquals(RobustnessAnalysis.PROBABLE, RobustnessAnalysis.classe(0.5));
        assertEquals(RobustnessAnalysis.ROBUSTE, RobustnessAnalysis.classe(0.8));
    }

    @Test
    void drawsAreReproducibleAndReportProgress() {
        List<String> steps = new ArrayList<>();
        var a = RobustnessAnalysis.run(base(), List.of(), RobustnessAnalysis.Ranges.DEFAULT, 50, (f, s) -> steps.add(s));
        var b = RobustnessAnalysis.run(base(), List.of(), RobustnessAnalysis.Ranges.DEFAULT, 50, (f, s) -> { });
        assertArrayEquals(a.communeShare(), b.communeShare(), "fixed seed: a recomputation draws the same values");
        assertEquals(50, steps.size());
        assertEquals("robustesse 50/50", steps.get(49));
        assertTrue(steps.get(0).startsWith("robustesse 1/"));
    }

    /**
     * Method v2's carence stage in the draws: A (in carence in every draw above) is "carence non
     * établie" (not a candidate, demand weight 0): in carence in no draw; E (0.6 above) is judged on
     * its QPV quartier, a point at 301 km next to D's venue (15 seats for ≤ 13.6 teleworkers, ≫ 2
     * per 1,000): in carence in no draw either.
     */
    @Test
    void drawsKeepTheStudyAreaAndJudgeQuartiersOnTheirOwnPoint() {
        List<Place> points = new ArrayList<>(PLACES);
        points.add(Fixtures.place("E-quartier", 301));
        var v2 = new RobustnessAnalysis.Base(points, List.of(new Venue("v", PLACES.get(3), 15, true)),
                new DetourTravelTimes(1.3, 60), DEMAND, 0.33, new boolean[5],
                new boolean[] {false, false, true, true, true}, new double[] {1, 0, 1, 1, 1},
                new double[] {0, 1, 1, 1, 1}, new int[] {0, 1, 2, 3, 5},
                new CarenceClassifier.Settings(5, false, 1, 20), m -> new DistanceDecay(m, 1, 0.68, 0.22));
        var r = RobustnessAnalysis.run(v2, List.of(), RobustnessAnalysis.Ranges.DEFAULT, 200, (f, s) -> { });
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, r.communeShare());
    }
}
