package fr.carence.analysis.step;

import fr.carence.analysis.model.Place;
import java.util.List;

/**
 * Step 8 — what a site saves. Each covered carence commune is served by its nearest chosen site.
 * Per teleworker and telework day the car round trip to work (2 × commute distance × detour) is
 * replaced by a round trip to the site: road km avoided = 2 × detour × max(0, d_commute − d_site).
 * <pre>
 * weekly km (gross) = Σ demand × attendance × days × km avoided per day
 * weekly km (net)   = gross × (1 − rebound share)           (ADEME 2020: 31 %)
 * yearly km = weekly × working weeks;  hours = km / speed;
 * fuel litres = km × L/100 km ÷ 100;  kg CO2e = km × emission factor
 * </pre>
 */
public final class ImpactSimulator {

    public record Settings(double teleworkDaysPerWeek, double workingWeeksPerYear, double attendance,
                           double reboundShare, double detourFactor, double speedKmh, double litresPer100Km,
                           double kgCo2ePerKm) {
    }

    /** Figures for one site (or summed over a scenario). */
    public record Impact(double demandCovered, int communesCovered, double kmAvoidedWeekly, double kmAvoidedYearly,
                         double hoursSavedYearly, double fuelLitresYearly, double kgCo2eYearly) {

        public Impact plus(Impact o) {
            return new Impact(demandCovered + o.demandCovered, communesCovered + o.communesCovered,
                    kmAvoidedWeekly + o.kmAvoidedWeekly, kmAvoidedYearly + o.kmAvoidedYearly,
                    hoursSavedYearly + o.hoursSavedYearly, fuelLitresYearly + o.fuelLitresYearly,
                    kgCo2eYearly + o.kgCo2eYearly);
        }

        public static Impact zero() {
            return new Impact(0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * @param impacts one per site, in the order of {@code sites}
     * @param assignedSite per demand node, index of the serving site or -1 when not covered
     */
    public record Result(Impact[] impacts, int[] assignedSite) {
    }

    private ImpactSimulator() {
    }

    /**
     * @param nodes demand node locations
     * @param demand potential teleworkers per node
     * @param commuteKm mean straight-line commute of the node's eligible commuters (NaN → 0 saved)
     * @param sites chosen site locations
     * @param times travel times, deciding coverage and assignment
     * @param catchmentMinutes a node is covered by a site within this time
     */
    public static Result simulate(List<Place> nodes, double[] demand, double[] commuteKm, List<Place> sites,
                                  TravelTimes times, double catchmentMinutes, Settings s) {
        Impact[] impacts = new Impact[sites.size()];
        java.util.Arrays.fill(impacts, Impact.zero());
        int[] assigned = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int best = -1;
            double bestTime = Double.POSITIVE_INFINITY;
            for (int j = 0; j < sites.size(); j++) {
                double t = times.minutes(nodes.get(i), sites.get(j));
                if (t <= catchmentMinutes && t < bestTime) {
                    bestTime = t;
                    best = j;
                }
            }
            assigned[i] = best;
            if (best < 0) {
                continue;
            }
            double siteKm = nodes.get(i).distanceTo(sites.get(best)) / 1000.0;
            double commute = Double.isNaN(commuteKm[i]) ? 0 : commuteKm[i];
            double roadKmPerDay = 2 * s.detourFactor() * Math.max(0, commute - siteKm);
            double users = demand[i] * s.attendance();
            double weeklyNet = users * s.teleworkDaysPerWeek() * roadKmPerDay * (1 - s.reboundShare());
            double yearly = weeklyNet * s.workingWeeksPerYear();
            impacts[best] = impacts[best].plus(new Impact(demand[i], 1, weeklyNet, yearly, yearly / s.speedKmh(),
                    yearly * s.litresPer100Km() / 100.0, yearly * s.kgCo2ePerKm()));
        }
        return new Result(impacts, assigned);
    }
}
