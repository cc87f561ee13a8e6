package fr.carence.render.cache;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.junit.jupiter.api.Test;

/**
 * The map cache's ring-by-ring generalisation gives exactly the geometry of JTS's polygon
 * Douglas-Peucker without repair, on made-up wiggly polygons (holes that stay and holes that
 * collapse, a multipolygon part that collapses), at every level's tolerance.
 */
class CachedLayerSimplifyTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID,
            PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    /** A closed ring around (cx, cy): radius r, wiggling by ±wiggle metres, n vertices. */
    private static LinearRing ring(double cx, double cy, double r, double wiggle, int n, boolean clockwise) {
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n * (clockwise ? -1 : 1);
            double radius = r + wiggle * Math.sin(17 * a) + wiggle / 3 * Math.cos(53 * a);
            c[i] = new Coordinate(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
        }
        c[n] = c[0].copy();
        return GF.createLinearRing(c);
    }

    private static Geometry jts(Geometry g, double tolerance) {
        DouglasPeuckerSimplifier s = new DouglasPeuckerSimplifier(g);
        s.setDistanceTolerance(tolerance);
        s.setEnsureValid(false);
        Geometry out = s.getResultGeometry();
        return out.isEmpty() || out.getNumPoints() >= g.getNumPoints() ? g : out;
    }

    @Test
    void ringByRingEqualsJtsPolygonSimplification() {
        Polygon withHoles = GF.createPolygon(ring(700_000, 6_600_000, 5_000, 300, 900, false), new LinearRing[] {
                ring(701_000, 6_600_500, 800, 60, 120, true), // stays at small tolerances
                ring(698_000, 6_599_000, 25, 5, 12, true)}); // collapses early
        Polygon big = GF.createPolygon(ring(720_000, 6_610_000, 3_000, 200, 600, false));
        Polygon tiny = GF.createPolygon(ring(730_000, 6_610_000, 15, 3, 10, false)); // collapses
        Geometry multi = GF.createMultiPolygon(new Polygon[] {withHoles, big, tiny});
        for (int level = 0; level < GeneralisationLevels.COUNT; level++) {
            double tolerance = GeneralisationLevels.tolerance(level);
            for (Geometry g : new Geometry[] {withHoles, big, tiny, multi}) {
                Geometry expected = jts(g, tolerance);
                Geometry actual = CachedLayer.simplify(g, tolerance);
                assertThat(actual.equalsExact(expected)).as("%s at %s m: %s vs %s", g.getGeometryType(), tolerance,
                        actual.getNumPoints(), expected.getNumPoints()).isTrue();
            }
        }
        assertThat(CachedLayer.simplify(multi, 40).getNumPoints()).as("generalised").isLessThan(multi.getNumPoints());
        assertThat(CachedLayer.simplify(tiny, 2_560)).as("collapsed: full geometry kept").isSameAs(tiny);
    }
}
