package fr.carence.render.cache;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Approximate heap size of cached features, for the cache's memory budget. Geometries use packed
 * coordinate sequences (16 bytes per XY vertex); object headers and references are counted with
 * compressed-oops sizes. The estimate errs on the high side.
 */
final class MemoryFootprint {

    private static final long OBJECT = 48;
    private static final long MAP_ENTRY = 48;

    private MemoryFootprint() {
    }

    static long of(Geometry g) {
        if (g == null) {
            return 0;
        }
        if (g instanceof Point p) {
            return OBJECT + sequence(p.getCoordinateSequence().size(), p.getCoordinateSequence().getDimension());
        }
        if (g instanceof LineString l) {
            return OBJECT + sequence(l.getNumPoints(), l.getCoordinateSequence().getDimension());
        }
        if (g instanceof Polygon p) {
            long bytes = OBJECT + of(p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                bytes += of(p.getInteriorRingN(i)) + 8;
            }
            return bytes;
        }
        if (g instanceof GeometryCollection c) {
            long bytes = OBJECT;
            for (int i = 0; i < c.getNumGeometries(); i++) {
                bytes += of(c.getGeometryN(i)) + 8;
            }
            return bytes;
        }
        return OBJECT + 32L * g.getNumPoints();
    }

    static long of(String id, Map<String, Object> properties) {
        long bytes = OBJECT + string(id);
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            bytes += MAP_ENTRY + value(e.getValue()); // keys are shared with the schema
        }
        return bytes;
    }

    private static long sequence(int points, int dimension) {
        return OBJECT + 16 + 8L * points * dimension;
    }

    private static long value(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof String s) {
            return string(s);
        }
        return 32;
    }

    private static long string(String s) {
        return s == null ? 0 : 56 + 2L * s.length();
    }
}
