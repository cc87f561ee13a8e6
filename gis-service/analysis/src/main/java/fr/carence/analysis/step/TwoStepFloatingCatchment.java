package fr.carence.analysis.step;

import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Step 3 — accessibility to venues by the two-step floating catchment area method (Luo & Wang
 * 2003) with distance decay (Luo & Qi 2009):
 * <ol>
 *   <li>for each venue j, R_j = S_j / Σ_k P_k W(t_kj) over the demand points k within the catchment;</li>
 *   <li>for each commune i, A_i = Σ_j R_j W(t_ij).</li>
 * </ol>
 * P is the potential-teleworker demand, S the seats; A is reported in seats per 1,000 potential
 * teleworkers. A venue with no demand in its catchment gets R_j = 0 (it serves no one counted).
 */
public final class TwoStepFloatingCatchment {

    /**
     * @param accessibility A_i × 1000 (seats per 1,000 potential teleworkers), per demand point
     * @param supplyRatio R_j × 1000 per venue
     * @param nearestVenueMinutes travel time to the nearest venue (+∞ if none)
     */
    public record Result(double[] accessibility, double[] supplyRatio, double[] nearestVenueMinutes) {
    }

    private TwoStepFloatingCatchment() {
    }

    public static Result compute(List<Place> demandPoints, double[] demand, List<Venue> venues, TravelTimes times,
                                 DistanceDecay decay) {
        int n = demandPoints.size();
        int v = venues.size();
        // Times are recomputed in the second step rather than stored: a venue × commune matrix
        // would not fit in memory nationally with thousands of venues.
        double[] ratio = new double[v];
        IntStream.range(0, v).parallel().forEach(j -> {
            Place p = venues.get(j).place();
            double weighted = 0;
            for (int i = 0; i < n; i++) {
                if (demand[i] > 0) {
                    weighted += demand[i] * decay.weight(times.minutes(demandPoints.get(i), p));
                }
            }
            ratio[j] = weighted > 0 ? venues.get(j).seats() / weighted : 0;
        });
        double[] access = new double[n];
        double[] nearest = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double a = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                double m = times.minutes(demandPoints.get(i), venues.get(j).place());
                a += ratio[j] * decay.weight(m);
                best = Math.min(best, m);
            }
            access[i] = a * 1000.0;
            nearest[i] = best;
        });
        for (int j = 0; j < v; j++) {
            ratio[j] *= 1000.0;
        }
        return new Result(access, ratio, nearest);
    }
}
