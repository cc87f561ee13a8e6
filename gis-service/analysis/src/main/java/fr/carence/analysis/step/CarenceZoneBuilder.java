package fr.carence.analysis.step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Step 6b — carence zones: connected components of the carence communes on the adjacency graph
 * (JGraphT), dissolved into one geometry each (JTS unary union), ranked by total score.
 */
public final class CarenceZoneBuilder {

    /**
     * @param members indices (into the commune list) of the zone's communes, ascending
     * @param geometry dissolved polygons (storage CRS), null when no member has a polygon
     * @param score Σ carence score of the members
     * @param rank 1 = highest score
     */
    public record Zone(List<Integer> members, Geometry geometry, double score, int rank) {
    }

    private CarenceZoneBuilder() {
    }

    /**
     * @param carence carence flag per commune
     * @param geometries polygon per commune (storage CRS), null allowed
     * @param score carence score per commune
     * @param toleranceMetres adjacency tolerance
     */
    public static List<Zone> build(boolean[] carence, List<Geometry> geometries, double[] score, double toleranceMetres) {
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < carence.length; i++) {
            if (carence[i]) {
                selected.add(i);
            }
        }
        // adjacency only among carence communes: far fewer polygons than the whole country
        List<Geometry> sub = selected.stream().map(geometries::get).toList();
        Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        selected.forEach(graph::addVertex);
        for (int[] p : CommuneAdjacency.pairs(sub, toleranceMetres)) {
            graph.addEdge(selected.get(p[0]), selected.get(p[1]));
        }
        List<Set<Integer>> components = new ConnectivityInspector<>(graph).connectedSets();
        record Raw(List<Integer> members, double score) {
        }
        List<Raw> raws = new ArrayList<>();
        for (Set<Integer> c : components) {
            List<Integer> members = c.stream().sorted().toList();
            double s = members.stream().mapToDouble(i -> score[i]).sum();
            raws.add(new Raw(members, s));
        }
        // rank by score, ties broken by the smallest member index so ranks are reproducible
        raws.sort(Comparator.comparingDouble(Raw::score).reversed().thenComparing(r -> r.members().get(0)));
        List<Zone> zones = new ArrayList<>();
        for (int k = 0; k < raws.size(); k++) {
            Raw r = raws.get(k);
            zones.add(new Zone(r.members(), dissolve(r.members(), geometries), r.score(), k + 1));
        }
        return zones;
    }

    private static Geometry dissolve(List<Integer> members, List<Geometry> geometries) {
        List<Geometry> parts = new ArrayList<>();
        for (int i : members) {
            Geometry g = geometries.get(i);
            if (g != null && !g.isEmpty()) {
                parts.add(g.isValid() ? g : g.buffer(0));
            }
        }
        return parts.isEmpty() ? null : UnaryUnionOp.union(parts);
    }
}
