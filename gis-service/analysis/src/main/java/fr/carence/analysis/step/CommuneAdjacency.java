package fr.carence.analysis.step;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which polygons touch: candidate pairs from a JTS STRtree on envelopes expanded by the tolerance,
 * confirmed by an exact test (intersects, or within the tolerance since simplified boundaries
 * leave small gaps). Geometries are in a metric CRS (Lambert-93 for metropolitan France;
 * territories are far apart so cross-territory pairs never occur).
 */
public final class CommuneAdjacency {
    private CommuneAdjacency() {
    }

    /** Pairs {a, b} with a &lt; b, over the given geometries (null entries have no neighbour). */
    public static List<int[]> pairs(List<Geometry> geometries, double toleranceMetres) {
        STRtree tree = new STRtree();
        for (int i = 0; i < geometries.size(); i++) {
            Geometry g = geometries.get(i);
            if (g != null && !g.isEmpty()) {
                tree.insert(g.getEnvelopeInternal(), i);
            }
        }
        tree.build();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            Geometry g = geometries.get(i);
            if (g == null || g.isEmpty()) {
                continue;
            }
            Envelope search = new Envelope(g.getEnvelopeInternal());
            search.expandBy(toleranceMetres);
            PreparedGeometry prepared = null;
            for (Object o : tree.query(search)) {
                int j = (Integer) o;
                if (j <= i) {
                    continue;
                }
                if (prepared == null) {
                    prepared = PreparedGeometryFactory.prepare(g);
                }
                Geometry h = geometries.get(j);
                boolean touches = toleranceMetres > 0 ? prepared.intersects(h) || g.isWithinDistance(h, toleranceMetres)
                        : prepared.intersects(h);
                if (touches) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        return pairs;
    }
}
