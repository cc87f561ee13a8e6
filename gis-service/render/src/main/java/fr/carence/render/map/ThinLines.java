package fr.carence.render.map;

import java.awt.Color;
import java.awt.geom.PathIterator;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Draws anti-aliased solid lines at most {@value #MAX_WIDTH} px wide straight into the pixels of
 * an INT_ARGB image, instead of Marlin's general stroker. Marlin turns each segment of a 0.3 px
 * commune outline into a thin polygon and scans it on 8 sub-rows per pixel: that was half the CPU
 * of a national map (JFR in docs/ogc-wms.md). Here each segment is walked once along its major axis,
 * one pixel column (or row) at a time: the band of the line's width crosses that column over
 * {@code width × √(1 + slope²)} pixels, and each pixel it overlaps gets that overlap (times the
 * part of the column the segment spans) as coverage, blended source-over like Java2D does. For a
 * straight band that is the exact area the line covers in each pixel, up to the slope within one
 * column; joins and caps (under half the width, 0.15 px for the commune outlines) are left out.
 * {@code ThinLinesTest} compares it with Marlin's stroke.
 */
final class ThinLines {

    /** Widest line drawn here, in pixels; wider or dashed lines go through Java2D. */
    static final double MAX_WIDTH = 1.0;

    private final int[] pixels;
    private final int width;
    private final int height;
    private final double[] coords = new double[6];

    private ThinLines(int[] pixels, int width, int height) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    /** For a plain INT_ARGB image (pixels in one int array, row after row); null for any other image. */
    static ThinLines of(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB
                || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || sm.getScanlineStride() != image.getWidth() || buffer.getOffset() != 0 || buffer.getNumBanks() != 1
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return new ThinLines(buffer.getData(), image.getWidth(), image.getHeight());
    }

    /** Whether a solid line of this width (pixels) is drawn here. */
    static boolean handles(double lineWidth, float[] dashArray) {
        return lineWidth > 0 && lineWidth <= MAX_WIDTH && (dashArray == null || dashArray.length == 0);
    }

    /** Draws the outline of every subpath of {@code path} (screen pixels), closed ones closed. */
    void draw(Path2D path, double lineWidth, Color color) {
        int argb = color.getRGB();
        double alpha = (argb >>> 24) / 255.0;
        if (alpha <= 0) {
            return;
        }
        PathIterator it = path.getPathIterator(null);
        double startX = 0;
        double startY = 0;
        double lastX = 0;
        double lastY = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(coords)) {
                case PathIterator.SEG_MOVETO -> {
                    startX = lastX = coords[0];
                    startY = lastY = coords[1];
                }
                case PathIterator.SEG_LINETO -> {
                    segment(lastX, lastY, coords[0], coords[1], lineWidth, argb, alpha);
                    lastX = coords[0];
                    lastY = coords[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    segment(lastX, lastY, startX, startY, lineWidth, argb, alpha);
                    lastX = startX;
                    lastY = startY;
                }
                default -> throw new IllegalArgumentException("curves are not drawn as thin lines");
            }
            it.next();
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
