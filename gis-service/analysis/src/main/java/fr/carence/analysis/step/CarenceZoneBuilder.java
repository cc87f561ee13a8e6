package fr.carence.analysis.step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Step 6b — carence zones, in the unit the scenario asks for ({@code unite_zonage}): connected
 * components of the carence communes on the adjacency graph (JGraphT), or the carence communes of
 * one EPCI or one département; dissolved into one geometry each (JTS unary union), ranked by
 * total score.
 */
public final class CarenceZoneBuilder {

    /**
     * @param members indices (into the commune list) of the zone's communes, ascending
     * @param geometry dissolved polygons (storage CRS), null when no member has a polygon
     * @param score Σ carence score of the members
     * @param rank 1 = highest score
     * @param unit the administrative unit grouping the members ("epci:200066223", "departement:12"),
     *             null for a cluster of contiguous communes
     */
    public record Zone(List<Integer> members, Geometry geometry, double score, int rank, String unit) {
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
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        int k = 0;
        for (Set<Integer> c : components) {
            groups.put("#" + k++, c.stream().sorted().toList());
        }
        return ranked(groups, false, geometries, score);
    }

    /**
     * Zones by administrative unit: the carence communes sharing a unit key (an EPCI's SIREN, a
     * département's code) form one zone, contiguous or not.
     *
     * @param unitKey per commune, e.g. "epci:200066223", or null when the commune has no such unit
     * @param fallbackKey per commune, the key of its own zone when it has no unit (e.g. "commune:12145")
     */
    public static List<Zone> byUnit(boolean[] carence, String[] unitKey, String[] fallbackKey, List<Geometry> geometries,
                                    double[] score) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < carence.length; i++) {
            if (carence[i]) {
                groups.computeIfAbsent(unitKey[i] != null ? unitKey[i] : fallbackKey[i], x -> new ArrayList<>()).add(i);
            }
        }
        return ranked(groups, true, geometries, score);
    }

    private static List<Zone> ranked(Map<String, List<Integer>> groups, boolean units, List<Geometry> geometries,
                                     double[] score) {
        record Raw(String unit, List<Integer> members, double score) {
        }
        List<Raw> raws = new ArrayList<>();
        groups.forEach((key, members) -> raws.add(new Raw(units ? key : null, members,
                members.stream().mapToDouble(i -> score[i]).sum())));
        // rank by score, ties broken by the smallest member index so ranks are reproducible
        raws.sort(Comparator.comparingDouble(Raw::score).reversed().thenComparing(r -> r.members().get(0)));
        List<Zone> zones = new ArrayList<>();
        for (int k = 0; k < raws.size(); k++) {
            Raw r = raws.get(k);
            zones.add(new Zone(r.members(), dissolve(r.members(), geometries), r.score(), k + 1, r.unit()));
        }
        return zones;
    }

    /** The members' polygons dissolved into one geometry (storage CRS), null when none has one. */
    static Geometry dissolve(List<Integer> members, List<Geometry> geometries) {
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
