package fr.carence.analysis.step;

/**
 * Step 5 — fragility flags per commune and a weight = Σ w_flag over the raised flags; a commune
 * is fragile when its weight is positive. Flags: rural (density level ≥ a minimum of INSEE's
 * 7-level grid), ZRR, mountain zone, commune with a QPV, overseas (from the code).
 */
public final class FragilityClassifier {

    /** Inputs per commune; densityLevel 0 = unknown. */
    public record Inputs(int[] densityLevel, boolean[] zrr, boolean[] mountain, boolean[] qpv, boolean[] overseas) {
    }

    public record Weights(int ruralMinLevel, double rural, double zrr, double mountain, double qpv, double overseas) {
    }

    public record Result(boolean[] rural, double[] weight, boolean[] fragile) {
    }

    private FragilityClassifier() {
    }

    public static Result classify(Inputs in, Weights w) {
        int n = in.densityLevel().length;
        boolean[] rural = new boolean[n];
        double[] weight = new double[n];
        boolean[] fragile = new boolean[n];
        for (int i = 0; i < n; i++) {
            rural[i] = in.densityLevel()[i] >= w.ruralMinLevel() && in.densityLevel()[i] > 0;
            double s = 0;
            s += rural[i] ? w.rural() : 0;
            s += in.zrr()[i] ? w.zrr() : 0;
            s += in.mountain()[i] ? w.mountain() : 0;
            s += in.qpv()[i] ? w.qpv() : 0;
            s += in.overseas()[i] ? w.overseas() : 0;
            weight[i] = s;
            fragile[i] = s > 0;
        }
        return new Result(rural, weight, fragile);
    }
}
