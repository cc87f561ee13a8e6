package fr.carence.analysis.step;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import java.util.List;

/**
 * Step 1 — demand per commune of residence: potential teleworkers are the outbound commuters
 * whose home–work distance lies in [min, max] (long daily commutes), times the teleworkable share;
 * optionally only car commuters when the mode is known.
 */
public final class DemandEstimator {

    /**
     * @param minKm minimum straight-line distance for a commute to count
     * @param maxKm maximum distance (longer trips are not daily)
     * @param teleworkableShare share of jobs compatible with telework
     * @param carOnly count only car commuters where the mode is known
     * @param perCommuneShare the share of each commune (overrides teleworkableShare), or null
     */
    public record Settings(double minKm, double maxKm, double teleworkableShare, boolean carOnly, double[] perCommuneShare) {

        public Settings(double minKm, double maxKm, double teleworkableShare, boolean carOnly) {
            this(minKm, maxKm, teleworkableShare, carOnly, null);
        }

        double share(int commune) {
            return perCommuneShare == null ? teleworkableShare : perCommuneShare[commune];
        }
    }

    /**
     * Per-commune result (arrays indexed like the commune list).
     *
     * @param outboundCommuters commuters working in another commune (all distances)
     * @param eligibleCommuters commuters counted (distance in range, mode filter applied)
     * @param demand potential teleworkers = eligible × teleworkable share
     * @param meanEligibleKm mean straight-line distance of the eligible commuters (NaN if none)
     * @param longDistanceShare eligible / outbound (NaN if no outbound commuter)
     */
    public record Result(double[] outboundCommuters, double[] eligibleCommuters, double[] demand,
                         double[] meanEligibleKm, double[] longDistanceShare) {
    }

    private DemandEstimator() {
    }

    public static Result estimate(List<Commune> communes, List<Flow> flows, Settings s) {
        int n = communes.size();
        double[] out = new double[n];
        double[] eligible = new double[n];
        double[] kmSum = new double[n];
        for (Flow f : flows) {
            if (f.origin() == f.destination()) {
                continue;
            }
            out[f.origin()] += f.commuters();
            double km = communes.get(f.origin()).place().distanceTo(communes.get(f.destination()).place()) / 1000.0;
            if (km < s.minKm() || km > s.maxKm()) {
                continue;
            }
            double counted = s.carOnly() && !Double.isNaN(f.carCommuters()) ? f.carCommuters() : f.commuters();
            eligible[f.origin()] += counted;
            kmSum[f.origin()] += counted * km;
        }
        double[] demand = new double[n];
        double[] meanKm = new double[n];
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            demand[i] = eligible[i] * s.share(i);
            meanKm[i] = eligible[i] > 0 ? kmSum[i] / eligible[i] : Double.NaN;
            share[i] = out[i] > 0 ? eligible[i] / out[i] : Double.NaN;
        }
        return new Result(out, eligible, demand, meanKm, share);
    }
}
