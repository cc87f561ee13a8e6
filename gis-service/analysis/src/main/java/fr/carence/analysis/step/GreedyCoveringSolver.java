package fr.carence.analysis.step;

import java.util.Arrays;

/**
 * Greedy MCLP: repeatedly add the candidate covering the most still-uncovered weight. Coverage is
 * monotone submodular, so greedy reaches at least 1 − 1/e of the optimum (Nemhauser, Wolsey &amp;
 * Fisher 1978). The reported bound is the data-dependent one of the same paper: OPT ≤ f(S) + the
 * K largest marginal gains with respect to the final set S.
 */
public final class GreedyCoveringSolver {
    private GreedyCoveringSolver() {
    }

    public static CoveringSolution solve(CoveringProblem p) {
        int m = p.candidates();
        int k = Math.min(p.k(), m);
        boolean[] covered = new boolean[p.weights().length];
        boolean[] used = new boolean[m];
        int[] chosen = new int[k];
        double total = 0;
        int count = 0;
        for (int step = 0; step < k; step++) {
            int best = -1;
            double bestGain = -1;
            for (int j = 0; j < m; j++) {
                if (used[j]) {
                    continue;
                }
                double g = gain(p, j, covered);
                if (g > bestGain) {
                    bestGain = g;
                    best = j;
                }
            }
            if (best < 0 || bestGain <= 0) {
                break;
            }
            used[best] = true;
            chosen[count++] = best;
            total += bestGain;
            for (int i : p.covers().get(best)) {
                covered[i] = true;
            }
        }
        double[] gains = new double[m];
        for (int j = 0; j < m; j++) {
            gains[j] = used[j] ? 0 : gain(p, j, covered);
        }
        Arrays.sort(gains);
        double bound = total;
        for (int t = 0; t < p.k() && t < m; t++) {
            bound += gains[m - 1 - t];
        }
        double gap = bound > 0 ? (bound - total) / bound : 0;
        return new CoveringSolution(Arrays.copyOf(chosen, count), total, "glouton", bound, gap);
    }

    private static double gain(CoveringProblem p, int j, boolean[] covered) {
        double g = 0;
        for (int i : p.covers().get(j)) {
            if (!covered[i]) {
                g += p.weights()[i];
            }
        }
        return g;
    }
}
