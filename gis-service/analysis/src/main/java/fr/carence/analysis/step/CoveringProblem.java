package fr.carence.analysis.step;

import java.util.List;

/**
 * A maximal covering location problem (Church &amp; ReVelle 1974): choose K of the candidate sites
 * to maximise the total weight of demand nodes covered by at least one chosen site.
 *
 * @param weights demand weight per node
 * @param covers for each candidate, the demand nodes it covers (within the catchment)
 * @param k number of sites to choose
 */
public record CoveringProblem(double[] weights, List<int[]> covers, int k) {

    public int candidates() {
        return covers.size();
    }

    /** Number of (candidate, node) coverage pairs: the size of the MIP. */
    public long pairs() {
        long s = 0;
        for (int[] c : covers) {
            s += c.length;
        }
        return s;
    }

    /** Total weight covered by a set of candidates. */
    public double coveredWeight(int[] chosen) {
        boolean[] covered = new boolean[weights.length];
        double total = 0;
        for (int j : chosen) {
            for (int i : covers.get(j)) {
                if (!covered[i]) {
                    covered[i] = true;
                    total += weights[i];
                }
            }
        }
        return total;
    }
}
