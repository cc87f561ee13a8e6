package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaximalCoveringSolverTest {

    @Test
    void handComputedInstance() {
        // nodes weights 10, 5, 5, 8; candidate 0 covers {0}, 1 covers {1, 2}, 2 covers {2, 3}, 3 covers {0, 3}
        CoveringProblem p = new CoveringProblem(new double[] {10, 5, 5, 8},
                List.of(new int[] {0}, new int[] {1, 2}, new int[] {2, 3}, new int[] {0, 3}), 2);
        CoveringSolution exact = ExactCoveringSolver.solve(p, 10).orElseThrow();
        assertEquals(28, exact.covered(), 1e-9);  // {1, 3}: 5 + 5 + 10 + 8
        assertEquals(0, exact.gap(), 1e-9);
        int[] chosen = exact.chosen().clone();
        Arrays.sort(chosen);
        assertArrayEquals(new int[] {1, 3}, chosen);
        assertEquals(3, exact.chosen()[0], "rank 1 = largest contribution (18)");
    }

    @Test
    void exactSolverMatchesBruteForceAndGreedyKeepsItsGuarantee() {
        Random random = new Random(20261121L);
        for (int round = 0; round < 20; round++) {
            CoveringProblem p = randomInstance(random, 9, 16, 3);
            double best = bruteForce(p);
            CoveringSolution exact = ExactCoveringSolver.solve(p, 30).orElseThrow();
            assertEquals(best, exact.covered(), 1e-6, "round " + round);
            assertTrue(exact.method().startsWith("exact"));
            CoveringSolution greedy = GreedyCoveringSolver.solve(p);
            assertTrue(greedy.covered() >= (1 - 1 / Math.E) * best - 1e-9);
            assertTrue(greedy.bound() >= best - 1e-9, "greedy bound is an upper bound on the optimum");
            assertEquals(greedy.covered(), p.coveredWeight(greedy.chosen()), 1e-9);
        }
    }

    @Test
    void fallsBackToGreedyPastTheSizeLimit() {
        CoveringProblem p = randomInstance(new Random(7), 9, 16, 3);
        CoveringSolution s = MaximalCoveringSolver.solve(p, 0, 10);
        assertEquals("glouton", s.method());
        assertTrue(s.gap() >= 0 && s.gap() < 1);
    }

    private static CoveringProblem randomInstance(Random r, int candidates, int nodes, int k) {
        double[] w = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            w[i] = 1 + r.nextInt(50);
        }
        List<int[]> covers = new ArrayList<>();
        for (int j = 0; j < candidates; j++) {
            List<Integer> c = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                if (r.nextDouble() < 0.25) {
                    c.add(i);
                }
            }
            covers.add(c.stream().mapToInt(Integer::intValue).toArray());
        }
        return new CoveringProblem(w, covers, k);
    }

    private static double bruteForce(CoveringProblem p) {
        int m = p.candidates();
        double best = 0;
        for (int mask = 0; mask < (1 << m); mask++) {
            if (Integer.bitCount(mask) != p.k()) {
                continue;
            }
            int[] set = new int[p.k()];
            int t = 0;
            for (int j = 0; j < m; j++) {
                if ((mask & (1 << j)) != 0) {
                    set[t++] = j;
                }
            }
            best = Math.max(best, p.coveredWeight(set));
        }
        return best;
    }
}
