package fr.carence.analysis.step;

import fr.carence.analysis.model.Intention;
import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Step 6c — residual carence after an AMII. The declared intentions are future venues: the 2SFCA
 * runs again with the existing venues plus the intentions (same catchment, decay and travel times),
 * and the carence test again with the same candidates, demands and the threshold the presumptive
 * run applied (fixed, so that in percentile mode the added supply cannot move the bar). Adding
 * supply never lowers an accessibility, so the residual carence communes are a subset of the
 * presumptive ones. Each presumptive zone keeps its code, name and rank; its residual part is its
 * members still in carence (none: the zone is served and leaves the residual layer).
 *
 * <p>An intention <em>touches</em> a zone when it lies within the catchment ({@code bassin_minutes})
 * of at least one member's accessibility point, as an existing venue would serve it.
 */
public final class ResidualCarence {

    /**
     * @param accessPoints the points where accessibility is read (communes, then QPV quartiers)
     * @param accessDemand demand at each access point (0 for quartier points)
     * @param venues existing venues, default seats applied
     * @param applied the intentions applied (statut retained by the scenario); empty when no AMII is applied
     * @param accessPoint per commune, the index of its access point for carence (its quartier's when judged apart)
     * @param candidate per commune, a carence candidate (fragile, established)
     * @param weight fragility weight per commune
     * @param carenceDemand per commune, the demand counted for carence
     * @param minDemand {@code demande_min}
     * @param threshold the accessibility threshold the presumptive run applied
     * @param catchment {@code bassin_minutes}
     */
    public record Inputs(List<Place> accessPoints, double[] accessDemand, List<Venue> venues, List<Intention> applied,
                         TravelTimes times, DistanceDecay decay, double catchment, int[] accessPoint, boolean[] candidate,
                         double[] weight, double[] carenceDemand, double minDemand, double threshold) {
    }

    /**
     * What remains of one presumptive zone.
     *
     * @param zone index of the presumptive zone (its rank − 1)
     * @param members its communes still in carence, ascending
     * @param geometry their dissolved polygons, null when none
     * @param score Σ residual carence score of the members
     * @param intentions indices (into the applied intentions) of those touching the zone
     * @param demandServed carence demand of the zone's communes that the intentions take out of carence
     */
    public record Zone(int zone, List<Integer> members, Geometry geometry, double score, List<Integer> intentions,
                       double demandServed) {
        public boolean remains() {
            return !members.isEmpty();
        }
    }

    /**
     * @param applied whether intentions were applied (false: residual = presumptive)
     * @param intentions the intentions applied
     * @param carence per commune, in residual carence
     * @param access per commune, accessibility with the intentions at its carence point
     * @param zones one per presumptive zone, in rank order
     */
    public record Result(boolean applied, List<Intention> intentions, boolean[] carence, double[] access,
                         List<Zone> zones) {
    }

    private ResidualCarence() {
    }

    /** Residual = presumptive: no AMII applied. */
    public static Result none(boolean[] presumptive, double[] carenceAccess, List<CarenceZoneBuilder.Zone> zones) {
        List<Zone> out = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            CarenceZoneBuilder.Zone p = zones.get(z);
            out.add(new Zone(z, p.members(), p.geometry(), p.score(), List.of(), 0));
        }
        return new Result(false, List.of(), presumptive.clone(), carenceAccess.clone(), out);
    }

    public static Result compute(Inputs in, List<CarenceZoneBuilder.Zone> presumptive, List<Geometry> geometries) {
        List<Venue> supply = new ArrayList<>(in.venues());
        in.applied().forEach(i -> supply.add(i.asVenue()));
        TwoStepFloatingCatchment.Result all = TwoStepFloatingCatchment.compute(in.accessPoints(), in.accessDemand(), supply,
                in.times(), in.decay());
        int n = in.accessPoint().length;
        double[] access = new double[n];
        for (int i = 0; i < n; i++) {
            access[i] = all.accessibility()[in.accessPoint()[i]];
        }
        CarenceClassifier.Result residual = CarenceClassifier.classify(in.candidate(), in.weight(), in.carenceDemand(), access,
                new CarenceClassifier.Settings(in.minDemand(), false, in.threshold(), 0));
        List<Zone> zones = new ArrayList<>();
        for (int z = 0; z < presumptive.size(); z++) {
            CarenceZoneBuilder.Zone p = presumptive.get(z);
            List<Integer> members = new ArrayList<>();
            double score = 0;
            double served = 0;
            for (int i : p.members()) {
                if (residual.carence()[i]) {
                    members.add(i);
                    score += residual.score()[i];
                } else {
                    served += in.carenceDemand()[i];
                }
            }
            List<Integer> touching = new ArrayList<>();
            for (int j = 0; j < in.applied().size(); j++) {
                Place at = in.applied().get(j).place();
                for (int i : p.members()) {
                    if (in.times().minutes(in.accessPoints().get(in.accessPoint()[i]), at) <= in.catchment()) {
                        touching.add(j);
                        break;
                    }
                }
            }
            Geometry geometry = members.size() == p.members().size() ? p.geometry() : CarenceZoneBuilder.dissolve(members, geometries);
            zones.add(new Zone(z, List.copyOf(members), geometry, score, List.copyOf(touching), served));
        }
        return new Result(true, in.applied(), residual.carence(), access, zones);
    }
}
