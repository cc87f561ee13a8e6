package fr.carence.crs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Coordinate transformations between EPSG codes, on JTS geometries, through proj4j (which gives
 * the same Lambert-93 coordinates as PostGIS and H2GIS).
 *
 * <p>Axis convention inside Carence: x = easting or longitude, y = northing or latitude, for
 * every CRS. Swapping to the latitude-first order that some OGC CRS spellings demand is done
 * only at the OGC boundary.
 */
public final class CrsTransforms {

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORM_FACTORY = new CoordinateTransformFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CRS_CACHE = new ConcurrentHashMap<>();
    /**
     * proj4j transforms keep per-call state, so they are not shared between threads; building one
     * (datum and ellipsoid comparisons) per geometry cost more than transforming a small polygon:
     * each thread keeps one per CRS pair.
     */
    private static final ThreadLocal<Map<Long, CoordinateTransform>> TRANSFORMS = ThreadLocal.withInitial(HashMap::new);

    private CrsTransforms() {
    }

    /** True when proj4j knows the EPSG code. */
    public static boolean isKnown(int epsg) {
        try {
            crs(epsg);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Transforms a geometry (returns a transformed copy; the input is untouched). */
    public static Geometry transform(Geometry geometry, int fromEpsg, int toEpsg) {
        if (geometry == null || fromEpsg == toEpsg) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(new Filter(transform(fromEpsg, toEpsg)));
        copy.setSRID(toEpsg);
        return copy;
    }

    /** Transforms one coordinate pair; returns {x, y}. */
    public static double[] transform(double x, double y, int fromEpsg, int toEpsg) {
        if (fromEpsg == toEpsg) {
            return new double[] {x, y};
        }
        ProjCoordinate out = transform(fromEpsg, toEpsg).transform(new ProjCoordinate(x, y), new ProjCoordinate());
        return new double[] {out.x, out.y};
    }

    /**
     * Transforms an envelope by densifying its edges (an envelope's corners alone miss the
     * curvature of conic projections), returning the envelope of the result. Each edge segment's
     * midpoint is transformed too, and the result is grown by the largest gap between a
     * transformed midpoint and its chord, so extremes falling between sample points (e.g. where
     * a parallel crosses the central meridian of Lambert-93) are still covered.
     */
    public static Envelope transform(Envelope env, int fromEpsg, int toEpsg) {
        if (fromEpsg == toEpsg || env.isNull()) {
            return new Envelope(env);
        }
        CoordinateTransform t = transform(fromEpsg, toEpsg);
        Envelope out = new Envelope();
        double[][] corners = {{env.getMinX(), env.getMinY()}, {env.getMaxX(), env.getMinY()},
                {env.getMaxX(), env.getMaxY()}, {env.getMinX(), env.getMaxY()}};
        int steps = 32;
        double sag = 0;
        for (int edge = 0; edge < 4; edge++) {
            double[] a = corners[edge];
            double[] b = corners[(edge + 1) % 4];
            ProjCoordinate previous = project(t, a[0], a[1]);
            out.expandToInclude(previous.x, previous.y);
            for (int i = 1; i <= steps; i++) {
                double f = (double) i / steps;
                double fm = (i - 0.5) / steps;
                ProjCoordinate p = project(t, a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f);
                ProjCoordinate mid = project(t, a[0] + (b[0] - a[0]) * fm, a[1] + (b[1] - a[1]) * fm);
                out.expandToInclude(p.x, p.y);
                out.expandToInclude(mid.x, mid.y);
                sag = Math.max(sag, Math.hypot(mid.x - (previous.x + p.x) / 2, mid.y - (previous.y + p.y) / 2));
                previous = p;
            }
        }
        out.expandBy(sag);
        return out;
    }

    private static ProjCoordinate project(CoordinateTransform t, double x, double y) {
        return t.transform(new ProjCoordinate(x, y), new ProjCoordinate());
    }

    /** This thread's transform between the two CRSs (not to be handed to another thread). */
    private static CoordinateTransform transform(int fromEpsg, int toEpsg) {
        return TRANSFORMS.get().computeIfAbsent(((long) fromEpsg << 32) | (toEpsg & 0xffffffffL),
                k -> TRANSFORM_FACTORY.createTransform(crs(fromEpsg), crs(toEpsg)));
    }

    private static CoordinateReferenceSystem crs(int epsg) {
        return CRS_CACHE.computeIfAbsent(epsg, code -> CRS_FACTORY.createFromName("EPSG:" + code));
    }

    private static final class Filter implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate src = new ProjCoordinate();
        private final ProjCoordinate dst = new ProjCoordinate();

        Filter(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            src.x = seq.getX(i);
            src.y = seq.getY(i);
            transform.transform(src, dst);
            seq.setOrdinate(i, 0, dst.x);
            seq.setOrdinate(i, 1, dst.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
