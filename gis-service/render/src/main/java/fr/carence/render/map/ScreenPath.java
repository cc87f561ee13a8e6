package fr.carence.render.map;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds the {@link ScreenShape} of a line or polygon geometry in screen pixels, reading the coordinate
 * sequences directly (no intermediate JTS or AWT objects per vertex) and merging vertices closer
 * than half a pixel to the last one kept, which the anti-aliased drawing would not show. Rings
 * are closed and use the even-odd rule, so holes stay holes. Points are not part of the path.
 */
final class ScreenPath {

    private static final double MERGE_PX = 0.5;

    private final double minX;
    private final double maxY;
    private final double scaleX;
    private final double scaleY;

    ScreenPath(MapViewport view) {
        this.minX = view.envelope().getMinX();
        this.maxY = view.envelope().getMaxY();
        this.scaleX = 1 / view.pixelSizeX();
        this.scaleY = 1 / view.pixelSizeY();
    }

    ScreenShape of(Geometry g) {
        ScreenShape.Builder path = new ScreenShape.Builder(Math.min(g.getNumPoints(), 4096) + 8);
        append(path, g);
        return path.build();
    }

    private void append(ScreenShape.Builder path, Geometry g) {
        if (g instanceof Polygon p) {
            appendSequence(path, p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                appendSequence(path, p.getInteriorRingN(i).getCoordinateSequence(), true);
            }
        } else if (g instanceof LineString l) {
            appendSequence(path, l.getCoordinateSequence(), false);
        } else if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) {
                append(path, c.getGeometryN(i));
            }
        }
    }

    private void appendSequence(ScreenShape.Builder path, CoordinateSequence seq, boolean ring) {
        int n = seq.size();
        if (n == 0) {
            return;
        }
        double lastX = (seq.getX(0) - minX) * scaleX;
        double lastY = (maxY - seq.getY(0)) * scaleY;
        path.moveTo(lastX, lastY);
        // A ring's last vertex repeats its first: closePath draws that edge.
        int end = ring ? n - 1 : n;
        boolean pending = false;
        double pendingX = 0;
        double pendingY = 0;
        for (int i = 1; i < end; i++) {
            double x = (seq.getX(i) - minX) * scaleX;
            double y = (maxY - seq.getY(i)) * scaleY;
            if (Math.abs(x - lastX) < MERGE_PX && Math.abs(y - lastY) < MERGE_PX) {
                pending = true; // kept aside so an open line still ends at its last vertex
                pendingX = x;
                pendingY = y;
                continue;
            }
            path.lineTo(x, y);
            lastX = x;
            lastY = y;
            pending = false;
        }
        if (ring) {
            path.close();
        } else if (pending) {
            path.lineTo(pendingX, pendingY);
        }
    }
}
