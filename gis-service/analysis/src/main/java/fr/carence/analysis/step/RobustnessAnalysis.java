package fr.carence.analysis.step;

import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

/**
 * Robustness of the carence stages: N draws of the uncertain parameters, uniform within
 * documented ranges, each recomputing demand, accessibility (2SFCA) and the carence flags (not the
 * zones' geometry, not the site choice). A commune's share is the part of draws in which it is in
 * carence; a zone's, the part of draws in which at least half of its base demand is.
 *
 * <p>Demand is linear in the commuters and in the teleworkable share, and an origin's flows are
 * either all observed or all modelled, so a draw's demand is the base demand rescaled (× share /
 * reference share, × the modelled-flow factor for modelled origins): exact, O(n) per draw. The
 * teleworkable share is per commune (FD_MOBPRO categories or the scenario's value): a draw
 * multiplies every commune's share by the same factor, drawn share / the scenario's
 * {@code part_teletravaillable}, so the per-commune differences are kept.
 *
 * <p>The carence stage is the base run's, not a simpler copy: only the base run's candidates
 * (fragile or with a QPV quartier, and where the study area establishes carence) can be in carence
 * in a draw; a QPV quartier is judged on its own accessibility point and on its share of the
 * commune's demand.
 */
public final class RobustnessAnalysis {
    public static final String ROBUSTE = "robuste";
    public static final String PROBABLE = "probable";
    public static final String SENSIBLE = "sensible";
    /** Fixed seed: the same scenario draws the same values, so a recomputation is identical. */
    public static final long SEED = 20_260_701L;

    /** [min, max] of each sampled parameter (docs/analysis.md gives the sources). */
    public record Ranges(double[] catchmentMinutes, double[] absoluteThreshold, double[] percentile,
                         double[] defaultSeats, double[] teleworkableShare, double[] modelledFlowFactor) {

        public static final Ranges DEFAULT = new Ranges(new double[] {20, 45}, new double[] {0.5, 2},
                new double[] {10, 30}, new double[] {8, 25}, new double[] {0.25, 0.45}, new double[] {0.7, 1.3});
    }

    /**
     * What the base run fixes: everything the draws do not vary ({@code venues} as read, capacities unknown).
     *
     * @param places accessibility points: the communes (indexed like {@code demand}), then the QPV quartiers
     * @param demand base demand per commune
     * @param teleworkableShare reference share the drawn share is compared to (the scenario's parameter)
     * @param candidate per commune, may be in carence (fragile or quartier, carence established there)
     * @param carenceDemandWeight per commune, part of its demand counted for carence (0 where not
     *                            established, the quartier's area share, else 1)
     * @param accessPoint per commune, index in {@code places} of the point its carence is judged on
     */
    public record Base(List<Place> places, List<Venue> venues, TravelTimes times, double[] demand,
                       double teleworkableShare, boolean[] modelledFlows, boolean[] candidate, double[] fragilityWeight,
                       double[] carenceDemandWeight, int[] accessPoint, CarenceClassifier.Settings carence,
                       DoubleFunction<DistanceDecay> decay) {

        /** Every commune a candidate judged on its own point with its whole demand (no study area, no quartier). */
        public Base(List<Place> places, List<Venue> venues, TravelTimes times, double[] demand, double teleworkableShare,
                    boolean[] modelledFlows, boolean[] fragile, double[] fragilityWeight,
                    CarenceClassifier.Settings carence, DoubleFunction<DistanceDecay> decay) {
            this(places, venues, times, demand, teleworkableShare, modelledFlows, fragile, fragilityWeight,
                    java.util.stream.DoubleStream.generate(() -> 1).limit(demand.length).toArray(),
                    java.util.stream.IntStream.range(0, demand.length).toArray(), carence, decay);
        }
    }

    /**
     * @param draws number of draws
     * @param communeShare per commune, part of draws in carence
     * @param zoneShare per zone (base run order), part of draws with ≥ half its demand in carence
     */
    public record Result(int draws, double[] communeShare, double[] zoneShare) {
    }

    private RobustnessAnalysis() {
    }

    /** robuste (≥ 80 %), probable (50–80 %), sensible (< 50 %); null when never in carence. */
    public static String classe(double share) {
        if (share <= 0) {
            return null;
        }
        return share >= 0.8 ? ROBUSTE : share >= 0.5 ? PROBABLE : SENSIBLE;
    }

    public static Result run(Base base, List<CarenceZoneBuilder.Zone> zones, Ranges ranges, int draws,
                             ProgressListener progress) {
        int n = base.demand().length;
        int[] inCarence = new int[n];
        int[] zoneHits = new int[zones.size()];
        SplittableRandom random = new SplittableRandom(SEED);
        double[] demand = new double[base.places().size()]; // quartier points carry no demand of their own
        double[] carenceDemand = new double[n];
        double[] carenceAccess = new double[n];
        double[] baseCarenceDemand = new double[n];
        for (int i = 0; i < n; i++) {
            baseCarenceDemand[i] = base.demand()[i] * base.carenceDemandWeight()[i];
        }
        for (int d = 0; d < draws; d++) {
            double catchment = uniform(random, ranges.catchmentMinutes());
            double threshold = uniform(random, ranges.absoluteThreshold());
            double percentile = uniform(random, ranges.percentile());
            double seats = uniform(random, ranges.defaultSeats());
            double share = uniform(random, ranges.teleworkableShare());
            double flowFactor = uniform(random, ranges.modelledFlowFactor());
            double scale = base.teleworkableShare() > 0 ? share / base.teleworkableShare() : 0;
            for (int i = 0; i < n; i++) {
                demand[i] = base.demand()[i] * scale * (base.modelledFlows()[i] ? flowFactor : 1);
            }
            List<Venue> venues = Venue.withDefaultSeats(base.venues(), seats);
            double[] access = TwoStepFloatingCatchment.compute(base.places(), demand, venues, base.times(),
                    base.decay().apply(catchment)).accessibility();
            for (int i = 0; i < n; i++) {
                carenceDemand[i] = demand[i] * base.carenceDemandWeight()[i];
                carenceAccess[i] = access[base.accessPoint()[i]];
            }
            CarenceClassifier.Settings s = base.carence();
            boolean[] carence = CarenceClassifier.classify(base.candidate(), base.fragilityWeight(), carenceDemand,
                    carenceAccess,
                    new CarenceClassifier.Settings(s.minDemand(), s.percentileMode(), threshold, percentile)).carence();
            for (int i = 0; i < n; i++) {
                inCarence[i] += carence[i] ? 1 : 0;
            }
            for (int z = 0; z < zones.size(); z++) {
                double total = 0;
                double still = 0;
                for (int i : zones.get(z).members()) {
                    total += baseCarenceDemand[i];
                    still += carence[i] ? baseCarenceDemand[i] : 0;
                }
                zoneHits[z] += total > 0 && still >= total / 2 ? 1 : 0;
            }
            progress.progress((d + 1.0) / draws, "robustesse " + (d + 1) + "/" + draws);
        }
        double[] communeShare = new double[n];
        for (int i = 0; i < n; i++) {
            communeShare[i] = draws == 0 ? 0 : (double) inCarence[i] / draws;
        }
        double[] zoneShare = new double[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            zoneShare[z] = draws == 0 ? 0 : (double) zoneHits[z] / draws;
        }
        return new Result(draws, communeShare, zoneShare);
    }

    private static double uniform(SplittableRandom random, double[] range) {
        return range[0] + random.nextDouble() * (range[1] - range[0]);
    }
}
