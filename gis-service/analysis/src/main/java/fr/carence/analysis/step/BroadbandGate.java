package fr.carence.analysis.step;

/**
 * Step 4 — a commune may host a candidate site only when its FttH coverage (share of premises
 * that can be connected) reaches the threshold. Unknown coverage (NaN) never passes.
 */
public final class BroadbandGate {
    private BroadbandGate() {
    }

    public static boolean[] eligible(double[] coverage, double threshold) {
        boolean[] ok = new boolean[coverage.length];
        for (int i = 0; i < coverage.length; i++) {
            ok[i] = !Double.isNaN(coverage[i]) && coverage[i] >= threshold;
        }
        return ok;
    }
}
