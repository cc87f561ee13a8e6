package fr.carence.render.map;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Draws the two most frequent shapes of a national map straight into the pixels of an INT_ARGB
 * image instead of through Java2D's Marlin rasteriser, whose set-up and 8-sub-row scan dominate
 * when the shapes are a few pixels big (tens of thousands of communes per map).
 *
 * <p><b>Thin lines</b> ({@link #line}): anti-aliased solid lines at most {@value #MAX_WIDTH} px
 * wide. Marlin turns each segment of a 0.3 px
 * commune outline into a thin polygon and scans it on 8 sub-rows per pixel: that was half the CPU
 * of a national map (JFR in docs/ogc-wms.md). Here each segment is walked once along its major axis,
 * one pixel column (or row) at a time: the band of the line's width crosses that column over
 * {@code width × √(1 + slope²)} pixels, and each pixel it overlaps gets that overlap (times the
 * part of the column the segment spans) as coverage, blended source-over like Java2D does. For a
 * straight band that is the exact area the line covers in each pixel, up to the slope within one
 * column; joins and caps (under half the width, 0.15 px for the commune outlines) are left out.
 *
 * <p><b>Small fills</b> ({@link #fill}): polygons whose bounds lie inside the image and span at
 * most {@value #MAX_FILL_SIDE} px, by exact area coverage: each edge adds, to the cells of the rows
 * it crosses, the signed area it cuts off (the accumulation rasteriser of font renderers such as
 * font-rs), and a running sum along each row gives every pixel's winding-weighted coverage, folded
 * for the even-odd rule. Larger polygons and those crossing the image edge go to Java2D. And the
 * one-pixel fills of polygons smaller than a pixel ({@link #fillPixel}).
 *
 * <p>Colours are blended source-over like Java2D's. {@code DirectPixelsTest} compares both with
 * Marlin's output.
 */
final class DirectPixels {

    /** Widest line drawn here, in pixels; wider or dashed lines go through Java2D. */
    static final double MAX_WIDTH = 1.0;
    /** Largest width or height (pixels) of a polygon filled here. */
    static final int MAX_FILL_SIDE = 48;
    private static final int FILL_STRIDE = MAX_FILL_SIDE + 3;

    private final int[] pixels;
    private final int width;
    private final int height;
    /** Coverage cells of the polygon being filled, row after row; all zero between fills. */
    private final double[] cells = new double[FILL_STRIDE * (MAX_FILL_SIDE + 1)];

    private DirectPixels(int[] pixels, int width, int height) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    /** For a plain INT_ARGB image (pixels in one int array, row after row); null for any other image. */
    static DirectPixels of(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB
                || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || sm.getScanlineStride() != image.getWidth() || buffer.getOffset() != 0 || buffer.getNumBanks() != 1
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return new DirectPixels(buffer.getData(), image.getWidth(), image.getHeight());
    }

    /** Whether a solid line of this width (pixels) is drawn here. */
    static boolean handles(double lineWidth, float[] dashArray) {
        return lineWidth > 0 && lineWidth <= MAX_WIDTH && (dashArray == null || dashArray.length == 0);
    }

    /** Draws every subpath of {@code shape} (screen pixels), rings closed. */
    void line(ScreenShape shape, double lineWidth, Color color) {
        int argb = color.getRGB();
        double alpha = (argb >>> 24) / 255.0;
        if (alpha <= 0) {
            return;
        }
        float[] xy = shape.xy;
        for (int sp = 0; sp < shape.subpaths; sp++) {
            int first = shape.starts[sp];
            int end = shape.starts[sp + 1];
            for (int i = first + 1; i < end; i++) {
                segment(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], lineWidth, argb, alpha);
            }
            if (shape.closed[sp] && end - first > 1) {
                segment(xy[2 * end - 2], xy[2 * end - 1], xy[2 * first], xy[2 * first + 1], lineWidth, argb, alpha);
            }
        }
    }

    /** One whole pixel of the colour; false when (x, y) is outside the image. */
    boolean fillPixel(int x, int y, Color color) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        int argb = color.getRGB();
        blend(x + y * width, argb, (argb >>> 24) / 255.0);
        return true;
    }

    /**
     * Fills the polygon(s) of {@code shape} (screen pixels, every subpath closed, even-odd rule)
     * when its bounds lie inside the image and span at most {@value #MAX_FILL_SIDE} px.
     *
     * @return false when not drawn (too big, crossing the image edge): draw it with Java2D
     */
    boolean fill(ScreenShape shape, Color color) {
        if (!(shape.minX >= 0 && shape.minY >= 0 && shape.maxX <= width && shape.maxY <= height)
                || shape.maxX - shape.minX > MAX_FILL_SIDE || shape.maxY - shape.minY > MAX_FILL_SIDE) {
            return false;
        }
        int x0 = (int) shape.minX;
        int y0 = (int) shape.minY;
        int w = (int) Math.ceil(shape.maxX) - x0;
        int h = (int) Math.ceil(shape.maxY) - y0;
        float[] xy = shape.xy;
        for (int sp = 0; sp < shape.subpaths; sp++) {
            int first = shape.starts[sp];
            int end = shape.starts[sp + 1];
            if (end - first < 2) {
                continue;
            }
            for (int i = first + 1; i < end; i++) {
                edge(xy[2 * i - 2] - x0, xy[2 * i - 1] - y0, xy[2 * i] - x0, xy[2 * i + 1] - y0, h);
            }
            edge(xy[2 * end - 2] - x0, xy[2 * end - 1] - y0, xy[2 * first] - x0, xy[2 * first + 1] - y0, h);
        }
        int argb = color.getRGB();
        double alpha = (argb >>> 24) / 255.0;
        for (int row = 0; row < h; row++) {
            int cell = row * FILL_STRIDE;
            int pixel = (y0 + row) * width + x0;
            double winding = 0;
            for (int col = 0; col < w + 2; col++, cell++) {
                winding += cells[cell];
                cells[cell] = 0;
                if (col < w) {
                    double a = Math.abs(winding) % 2; // even-odd: 0 outside, 1 inside, folded between
                    if (a > 1) {
                        a = 2 - a;
                    }
                    if (a > 0.5 / 255) {
                        blend(pixel + col, argb, alpha * a);
                    }
                }
            }
        }
        return true;
    }

    /**
     * Adds one edge's signed area to the cells (coordinates relative to the fill's origin, inside
     * [0, w] × [0, h]): per row it crosses, the part of the row to the right of the edge, spread
     * over the cells its x range covers so that a running sum along the row gives coverage.
     */
    private void edge(double xa, double ya, double xb, double yb, int h) {
        if (ya == yb) {
            return;
        }
        double dir = 1;
        if (ya > yb) {
            dir = -1;
            double t = xa;
            xa = xb;
            xb = t;
            t = ya;
            ya = yb;
            yb = t;
        }
        double dxdy = (xb - xa) / (yb - ya);
        double x = xa;
        int rowEnd = Math.min(h, (int) Math.ceil(yb));
        for (int row = (int) ya; row < rowEnd; row++) {
            double dy = Math.min(row + 1, yb) - Math.max(row, ya);
            double xNext = x + dxdy * dy;
            double d = dy * dir;
            double lo = Math.min(x, xNext);
            double hi = Math.max(x, xNext);
            int loCell = (int) lo;
            int hiCell = (int) Math.ceil(hi);
            int base = row * FILL_STRIDE;
            if (hiCell <= loCell + 1) {
                // Within one pixel: the part left of the edge's mid x stays in it, the rest carries on.
                double mid = 0.5 * (x + xNext) - loCell;
                cells[base + loCell] += d * (1 - mid);
                cells[base + loCell + 1] += d * mid;
            } else {
                // Across several pixels: the area right of the edge grows linearly, quadratically at both ends.
                double s = 1 / (hi - lo);
                double loFrac = lo - loCell;
                double first = 0.5 * s * (1 - loFrac) * (1 - loFrac);
                double hiFrac = hi - hiCell + 1;
                double lastPart = 0.5 * s * hiFrac * hiFrac;
                cells[base + loCell] += d * first;
                if (hiCell == loCell + 2) {
                    cells[base + loCell + 1] += d * (1 - first - lastPart);
                } else {
                    double second = s * (1.5 - loFrac);
                    cells[base + loCell + 1] += d * (second - first);
                    for (int c = loCell + 2; c < hiCell - 1; c++) {
                        cells[base + c] += d * s;
                    }
                    double upTo = second + (hiCell - loCell - 3) * s;
                    cells[base + hiCell - 1] += d * (1 - upTo - lastPart);
                }
                cells[base + hiCell] += d * lastPart;
            }
            x = xNext;
        }
    }

    private void segment(double x0, double y0, double x1, double y1, double lineWidth, int argb, double alpha) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        if (!(Math.abs(dx) + Math.abs(dy) > 0)) {
            return; // zero length (or NaN): nothing to draw
        }
        if (Math.abs(dx) >= Math.abs(dy)) {
            walk(x0, y0, x1, y1, lineWidth, argb, alpha, false);
        } else {
            walk(y0, x0, y1, x1, lineWidth, argb, alpha, true); // steep: the same walk along rows
        }
    }

    /**
     * One segment along its major axis {@code u} (x, or y when {@code steep}), minor axis {@code v}.
     * Coordinates are pixel edges: pixel i covers [i, i + 1).
     */
    private void walk(double u0, double v0, double u1, double v1, double lineWidth, int argb, double alpha,
                      boolean steep) {
        if (u0 > u1) {
            double t = u0;
            u0 = u1;
            u1 = t;
            t = v0;
            v0 = v1;
            v1 = t;
        }
        int uSize = steep ? height : width;
        int vSize = steep ? width : height;
        double slope = (v1 - v0) / (u1 - u0);
        double half = lineWidth * Math.sqrt(1 + slope * slope) / 2; // half the band's thickness along v
        int first = (int) Math.max(0, Math.floor(u0));
        int last = (int) Math.min(uSize - 1, Math.floor(u1));
        for (int u = first; u <= last; u++) {
            double a = Math.max(u0, u);
            double b = Math.min(u1, u + 1);
            double span = b - a; // part of this column the segment crosses
            if (span <= 0) {
                continue;
            }
            double v = v0 + slope * ((a + b) / 2 - u0);
            double lo = v - half;
            double hi = v + half;
            int vFirst = (int) Math.max(0, Math.floor(lo));
            int vLast = (int) Math.min(vSize - 1, Math.floor(hi));
            for (int w = vFirst; w <= vLast; w++) {
                double overlap = Math.min(hi, w + 1) - Math.max(lo, w);
                if (overlap > 0) {
                    blend(steep ? w + u * width : u + w * width, argb, alpha * overlap * span);
                }
            }
        }
    }

    /** Source-over of the colour at {@code coverage} (0–1, alpha included) on one non-premultiplied pixel. */
    private void blend(int index, int argb, double coverage) {
        int a = (int) (coverage * 255 + 0.5);
        if (a <= 0) {
            return;
        }
        if (a > 255) {
            a = 255;
        }
        int dst = pixels[index];
        int da = dst >>> 24;
        int sr = (argb >> 16) & 0xff;
        int sg = (argb >> 8) & 0xff;
        int sb = argb & 0xff;
        if (da == 255) {
            int ia = 255 - a;
            int r = (sr * a + ((dst >> 16) & 0xff) * ia + 127) / 255;
            int g = (sg * a + ((dst >> 8) & 0xff) * ia + 127) / 255;
            int bl = (sb * a + (dst & 0xff) * ia + 127) / 255;
            pixels[index] = 0xff000000 | (r << 16) | (g << 8) | bl;
            return;
        }
        // Translucent destination: premultiply, add, divide back (PNG and INT_ARGB are non-premultiplied).
        int dWeight = da * (255 - a); // destination alpha left, ×255
        int oa255 = a * 255 + dWeight; // result alpha ×255
        if (oa255 == 0) {
            pixels[index] = 0;
            return;
        }
        int r = (sr * a * 255 + ((dst >> 16) & 0xff) * dWeight + oa255 / 2) / oa255;
        int g = (sg * a * 255 + ((dst >> 8) & 0xff) * dWeight + oa255 / 2) / oa255;
        int bl = (sb * a * 255 + (dst & 0xff) * dWeight + oa255 / 2) / oa255;
        int oa = (oa255 + 127) / 255;
        pixels[index] = (oa << 24) | (r << 16) | (g << 8) | bl;
    }
}
