package fr.carence.analysis.step;

import java.util.Arrays;

/**
 * Step 6a — a commune is in carence when it is fragile, its demand reaches a minimum and its
 * accessibility is below a threshold: either absolute (seats per 1,000 potential teleworkers, in
 * the manner of the DREES APL) or the p-th percentile of accessibility among communes with demand.
 * Score = demand × fragility weight × shortfall, shortfall = 1 − A / threshold (1 when A = 0).
 */
public final class CarenceClassifier {

    public record Settings(double minDemand, boolean percentileMode, double absoluteThreshold, double percentile) {
    }

    /** @param threshold the accessibility threshold actually applied */
    public record Result(boolean[] carence, double[] score, double threshold) {
    }

    private CarenceClassifier() {
    }

    public static Result classify(boolean[] fragile, double[] fragilityWeight, double[] demand, double[] accessibility,
                                  Settings s) {
        int n = demand.length;
        double threshold = s.percentileMode() ? percentile(demand, accessibility, s.percentile()) : s.absoluteThreshold();
        boolean[] carence = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            carence[i] = fragile[i] && demand[i] >= s.minDemand() && demand[i] > 0 && accessibility[i] < threshold;
            if (carence[i]) {
                double shortfall = threshold > 0 ? 1 - accessibility[i] / threshold : 1;
                score[i] = demand[i] * fragilityWeight[i] * shortfall;
            }
        }
        return new Result(carence, score, threshold);
    }

    /**
     * Percentile threshold of accessibility over communes with demand: the communes strictly below
     * it are at most p % of them (fewer when values tie, e.g. many communes with A = 0).
     */
    static double percentile(double[] demand, double[] accessibility, double p) {
        double[] values = new double[demand.length];
        int k = 0;
        for (int i = 0; i < demand.length; i++) {
            if (demand[i] > 0) {
                values[k++] = accessibility[i];
            }
        }
        if (k == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(values, k);
        Arrays.sort(sorted);
        // the rank-th smallest value: at most `rank` communes lie strictly below it
        int rank = (int) Math.ceil(p / 100.0 * k);
        return rank >= k ? Math.nextUp(sorted[k - 1]) : sorted[rank];
    }
}
