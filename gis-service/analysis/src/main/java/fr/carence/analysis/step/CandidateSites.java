package fr.carence.analysis.step;

import fr.carence.analysis.model.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Step 7 set-up: candidate sites are the interior points of the communes that pass the broadband
 * gate and lie within the catchment of at least one carence commune (in or near a carence zone);
 * demand nodes are the carence communes weighted by their (uncovered) demand.
 */
public final class CandidateSites {

    /**
     * @param candidates commune indices of the candidates
     * @param demandNodes commune indices of the demand nodes (carence communes)
     * @param problem the MCLP over them (candidate j = candidates[j], node i = demandNodes[i])
     */
    public record Instance(int[] candidates, int[] demandNodes, CoveringProblem problem) {
    }

    private CandidateSites() {
    }

    public static Instance build(List<Place> places, boolean[] broadbandOk, boolean[] carence, double[] demand,
                                 TravelTimes times, double catchmentMinutes, int k) {
        int[] nodes = IntStream.range(0, places.size()).filter(i -> carence[i]).toArray();
        int[] gated = IntStream.range(0, places.size()).filter(i -> broadbandOk[i]).toArray();
        List<int[]> coverLists = IntStream.range(0, gated.length).parallel().mapToObj(g -> {
            Place site = places.get(gated[g]);
            List<Integer> covered = new ArrayList<>();
            for (int n = 0; n < nodes.length; n++) {
                if (times.minutes(places.get(nodes[n]), site) <= catchmentMinutes) {
                    covered.add(n);
                }
            }
            return covered.stream().mapToInt(Integer::intValue).toArray();
        }).toList();
        List<Integer> kept = new ArrayList<>();
        List<int[]> covers = new ArrayList<>();
        for (int g = 0; g < gated.length; g++) {
            if (coverLists.get(g).length > 0) {
                kept.add(gated[g]);
                covers.add(coverLists.get(g));
            }
        }
        double[] weights = new double[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            weights[n] = demand[nodes[n]];
        }
        return new Instance(kept.stream().mapToInt(Integer::intValue).toArray(), nodes,
                new CoveringProblem(weights, covers, k));
    }
}
