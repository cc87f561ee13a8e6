package fr.carence.render.map;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * A line or polygon in screen pixels: subpaths of straight segments as plain float arrays, with
 * their bounds, under the even-odd rule. {@link DirectPixels} reads the arrays; Java2D sees it as a
 * {@link Shape}. It replaces a {@code Path2D} per feature, whose synchronised {@code moveTo} and
 * {@code lineTo} and bounds pass cost a tenth of a national map once the drawing itself went
 * direct (JFR in docs/ogc-wms.md). Built once ({@link Builder}), then read-only.
 */
final class ScreenShape implements Shape {

    /** x, y of every point, subpath after subpath. */
    final float[] xy;
    /** Index (in points) where each subpath starts, then the total number of points. */
    final int[] starts;
    /** Whether each subpath is closed (a ring). */
    final boolean[] closed;
    final int subpaths;
    final float minX;
    final float minY;
    final float maxX;
    final float maxY;
    private Path2D path;

    private ScreenShape(Builder b) {
        this.xy = b.xy;
        this.subpaths = b.subpaths;
        this.starts = Arrays.copyOf(b.starts, b.subpaths + 1);
        this.starts[b.subpaths] = b.points;
        this.closed = b.closed;
        boolean empty = b.points == 0;
        this.minX = empty ? 0 : b.minX;
        this.minY = empty ? 0 : b.minY;
        this.maxX = empty ? 0 : b.maxX;
        this.maxY = empty ? 0 : b.maxY;
    }

    /** Collects subpaths; vertices are given in screen pixels. */
    static final class Builder {
        private float[] xy;
        private int[] starts = new int[4];
        private boolean[] closed = new boolean[4];
        private int points;
        private int subpaths;
        private float minX = Float.POSITIVE_INFINITY;
        private float minY = Float.POSITIVE_INFINITY;
        private float maxX = Float.NEGATIVE_INFINITY;
        private float maxY = Float.NEGATIVE_INFINITY;

        Builder(int expectedPoints) {
            xy = new float[2 * Math.max(4, expectedPoints)];
        }

        Builder moveTo(double x, double y) {
            if (subpaths == starts.length) {
                starts = Arrays.copyOf(starts, subpaths * 2);
                closed = Arrays.copyOf(closed, subpaths * 2);
            }
            starts[subpaths++] = points;
            return add(x, y);
        }

        Builder lineTo(double x, double y) {
            if (subpaths == 0) {
                throw new IllegalStateException("lineTo before moveTo");
            }
            return add(x, y);
        }

        /** Closes the current subpath (a ring: the edge back to its first point is drawn). */
        Builder close() {
            if (subpaths > 0) {
                closed[subpaths - 1] = true;
            }
            return this;
        }

        private Builder add(double x, double y) {
            if (2 * points + 2 > xy.length) {
                xy = Arrays.copyOf(xy, xy.length * 2);
            }
            float fx = (float) x;
            float fy = (float) y;
            xy[2 * points] = fx;
            xy[2 * points + 1] = fy;
            points++;
            minX = Math.min(minX, fx);
            minY = Math.min(minY, fy);
            maxX = Math.max(maxX, fx);
            maxY = Math.max(maxY, fy);
            return this;
        }

        ScreenShape build() {
            return new ScreenShape(this);
        }
    }

    /** The same shape as a Java2D path (built once, for the rarely used {@link Shape} queries). */
    private synchronized Path2D path() {
        if (path == null) {
            Path2D.Float p = new Path2D.Float(Path2D.WIND_EVEN_ODD, starts[subpaths] + subpaths);
            p.append(getPathIterator(null), false);
            path = p;
        }
        return path;
    }

    @Override
    public Rectangle getBounds() {
        return getBounds2D().getBounds();
    }

    @Override
    public Rectangle2D getBounds2D() {
        return new Rectangle2D.Float(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public boolean contains(double x, double y) {
        return path().contains(x, y);
    }

    @Override
    public boolean contains(Point2D p) {
        return path().contains(p);
    }

    @Override
    public boolean intersects(double x, double y, double w, double h) {
        return path().intersects(x, y, w, h);
    }

    @Override
    public boolean intersects(Rectangle2D r) {
        return path().intersects(r);
    }

    @Override
    public boolean contains(double x, double y, double w, double h) {
        return path().contains(x, y, w, h);
    }

    @Override
    public boolean contains(Rectangle2D r) {
        return path().contains(r);
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at) {
        return new Iterator(at);
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at, double flatness) {
        return new Iterator(at); // straight segments only: nothing to flatten
    }

    /** moveTo, lineTo… and close (for rings) per subpath, optionally transformed. */
    private final class Iterator implements PathIterator {
        private final AffineTransform at;
        private int subpath;
        private int point;
        private boolean closing;

        Iterator(AffineTransform at) {
            this.at = at == null || at.isIdentity() ? null : at;
            skipEmpty();
        }

        private void skipEmpty() {
            while (subpath < subpaths && starts[subpath] == starts[subpath + 1]) {
                subpath++;
            }
            if (subpath < subpaths) {
                point = starts[subpath];
            }
        }

        @Override
        public int getWindingRule() {
            return WIND_EVEN_ODD;
        }

        @Override
        public boolean isDone() {
            return subpath >= subpaths;
        }

        @Override
        public void next() {
            if (closing) {
                closing = false;
                subpath++;
                skipEmpty();
                return;
            }
            point++;
            if (point == starts[subpath + 1]) {
                if (closed[subpath]) {
                    closing = true;
                } else {
                    subpath++;
                    skipEmpty();
                }
            }
        }

        @Override
        public int currentSegment(float[] coords) {
            if (closing) {
                return SEG_CLOSE;
            }
            coords[0] = xy[2 * point];
            coords[1] = xy[2 * point + 1];
            if (at != null) {
                at.transform(coords, 0, coords, 0, 1);
            }
            return point == starts[subpath] ? SEG_MOVETO : SEG_LINETO;
        }

        @Override
        public int currentSegment(double[] coords) {
            if (closing) {
                return SEG_CLOSE;
            }
            coords[0] = xy[2 * point];
            coords[1] = xy[2 * point + 1];
            if (at != null) {
                at.transform(coords, 0, coords, 0, 1);
            }
            return point == starts[subpath] ? SEG_MOVETO : SEG_LINETO;
        }
    }
}
