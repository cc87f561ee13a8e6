package fr.carence.render.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.render.style.Stroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thin outlines and small fills drawn by {@link DirectPixels} look like Java2D's (Marlin)
 * anti-aliased stroke and fill: same pixels touched, same ink per pixel within a small gap, on an
 * opaque and on a transparent background.
 */
class DirectPixelsTest {

    private static final Color GREY = new Color(0x78, 0x78, 0x78);

    /** Commune-like outlines: jagged rings of 3 to 40 px, some crossing the image edge. */
    private static Path2D.Float outlines(long seed) {
        Random rnd = new Random(seed);
        Path2D.Float p = new Path2D.Float(Path2D.WIND_EVEN_ODD);
        for (int k = 0; k < 60; k++) {
            double cx = -20 + rnd.nextDouble() * 296;
            double cy = -20 + rnd.nextDouble() * 296;
            double r = 1.5 + rnd.nextDouble() * 20;
            int n = 5 + rnd.nextInt(20);
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                double d = r * (0.6 + 0.8 * rnd.nextDouble());
                double x = cx + d * Math.cos(a);
                double y = cy + d * Math.sin(a);
                if (i == 0) {
                    p.moveTo(x, y);
                } else {
                    p.lineTo(x, y);
                }
            }
            p.closePath();
        }
        p.moveTo(10.3, 200.7); // an open line too
        p.lineTo(120.9, 140.2);
        p.lineTo(121.4, 60);
        return p;
    }

    private static BufferedImage image(Color background) {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        if (background != null) {
            Graphics2D g = img.createGraphics();
            g.setColor(background);
            g.fillRect(0, 0, 256, 256);
            g.dispose();
        }
        return img;
    }

    private static BufferedImage marlin(Path2D path, double width, Color color, Color background) {
        BufferedImage img = image(background);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(color);
        g.setStroke(new Stroke(color, width, 1, null).awtStroke());
        g.draw(path);
        g.dispose();
        return img;
    }

    private static BufferedImage thin(Path2D path, double width, Color color, Color background) {
        BufferedImage img = image(background);
        DirectPixels.of(img).line(screen(path), width, color);
        return img;
    }

    /** Ink of a pixel: how far it is from the background, 0–255 (alpha on transparent, grey level drop on white). */
    private static int ink(int argb, Color background) {
        if (background == null) {
            return argb >>> 24;
        }
        return Math.abs(((argb >> 8) & 0xff) - background.getGreen());
    }

    private static void assertLooksLikeMarlin(double width, Color background) {
        long inkMarlin = 0;
        long inkThin = 0;
        int maxGap = 0;
        int drawn = 0;
        int onlyOne = 0;
        int bigGaps = 0;
        // Ink of a pixel fully under the line: a pixel-wide line would give full alpha or the grey's depth.
        int lineInk = (int) Math.round(width * (background == null ? 255 : background.getGreen() - GREY.getGreen()));
        for (long seed = 1; seed <= 5; seed++) {
            Path2D.Float path = outlines(seed);
            BufferedImage a = marlin(path, width, GREY, background);
            BufferedImage b = thin(path, width, GREY, background);
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int ia = ink(a.getRGB(x, y), background);
                    int ib = ink(b.getRGB(x, y), background);
                    inkMarlin += ia;
                    inkThin += ib;
                    if (ia > 0 || ib > 0) {
                        drawn++;
                    }
                    if ((ia > 8) != (ib > 8)) {
                        onlyOne++;
                    }
                    if (Math.abs(ia - ib) > lineInk / 2) {
                        bigGaps++;
                    }
                    maxGap = Math.max(maxGap, Math.abs(ia - ib));
                }
            }
        }
        System.out.printf("width %.1f on %s: ink ratio %.3f, largest gap %d (line ink %d), gaps over half of it %.4f, "
                + "one-sided %.4f of %d%n", width, background == null ? "transparent" : "white",
                (double) inkThin / inkMarlin, maxGap, lineInk, (double) bigGaps / drawn, (double) onlyOne / drawn, drawn);
        assertThat(drawn).as("outlines are drawn").isGreaterThan(5000);
        assertThat((double) inkThin / inkMarlin).as("total ink against Marlin's").isBetween(0.93, 1.07);
        // Faint pixels along the line's edges may fall on either side (Marlin spreads a column's
        // coverage with the slope inside it); what shows is the ink, which must match pixel by pixel.
        assertThat((double) onlyOne / drawn).as("pixels inked (> 8) by one and not the other").isLessThan(0.10);
        assertThat((double) bigGaps / drawn).as("pixels whose ink differs by more than half a line's").isLessThan(0.01);
    }

    @Test
    void communeOutlinesOnWhiteLookLikeMarlins() {
        assertLooksLikeMarlin(0.3, Color.WHITE);
        assertLooksLikeMarlin(0.8, Color.WHITE);
    }

    @Test
    void onATransparentTileTheAlphaFollowsMarlins() {
        assertLooksLikeMarlin(0.3, null);
        assertLooksLikeMarlin(1.0, null);
    }

    @Test
    void theColourIsBlendedSourceOver() {
        Path2D.Float line = new Path2D.Float();
        line.moveTo(10, 10);
        line.lineTo(110, 10);
        BufferedImage b = thin(line, 1.0, new Color(255, 0, 0, 128), Color.BLUE);
        // A 1 px horizontal line on the pixel edge y = 10: half in row 9, half in row 10.
        Color c = new Color(b.getRGB(50, 10), true);
        assertThat(c.getAlpha()).isEqualTo(255);
        assertThat(c.getRed()).isBetween(60, 68); // 128/255 × 0.5 coverage of red
        assertThat(c.getBlue()).isBetween(187, 195);
        assertThat(new Color(b.getRGB(50, 12), true)).isEqualTo(Color.BLUE);
    }

    @Test
    void onlyThinSolidLinesAndPlainArgbImagesQualify() {
        assertThat(DirectPixels.handles(0.3, null)).isTrue();
        assertThat(DirectPixels.handles(1.0, new float[0])).isTrue();
        assertThat(DirectPixels.handles(1.5, null)).isFalse();
        assertThat(DirectPixels.handles(0.5, new float[] {4, 2})).isFalse();
        assertThat(DirectPixels.handles(0, null)).isFalse();
        assertThat(DirectPixels.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB))).isNull();
        assertThat(DirectPixels.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB))).isNotNull();
    }

    /** Small commune-like polygons, some with a hole, some crossing the image edge or too big. */
    private static java.util.List<Path2D.Float> polygons(long seed) {
        Random rnd = new Random(seed);
        java.util.List<Path2D.Float> out = new java.util.ArrayList<>();
        for (int k = 0; k < 400; k++) {
            Path2D.Float p = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            double cx = -10 + rnd.nextDouble() * 276;
            double cy = -10 + rnd.nextDouble() * 276;
            double r = k % 50 == 0 ? 40 : 0.4 + rnd.nextDouble() * 8;
            ring(p, rnd, cx, cy, r, rnd.nextBoolean());
            if (k % 7 == 0) {
                ring(p, rnd, cx, cy, r * 0.3, rnd.nextBoolean()); // a hole, either orientation
            }
            out.add(p);
        }
        return out;
    }

    private static void ring(Path2D.Float p, Random rnd, double cx, double cy, double r, boolean clockwise) {
        int n = 4 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            double a = (clockwise ? -1 : 1) * 2 * Math.PI * i / n;
            double d = r * (0.7 + 0.6 * rnd.nextDouble());
            if (i == 0) {
                p.moveTo(cx + d * Math.cos(a), cy + d * Math.sin(a));
            } else {
                p.lineTo(cx + d * Math.cos(a), cy + d * Math.sin(a));
            }
        }
        p.closePath();
    }

    private static void assertFillsLikeMarlin(Color background) {
        Color[] colours = {new Color(0xffffcc), new Color(0x2c7fb8), new Color(0x253494), new Color(200, 30, 30, 140)};
        long inkMarlin = 0;
        long inkDirect = 0;
        int drawn = 0;
        int bigGaps = 0;
        int maxGap = 0;
        int direct = 0;
        for (long seed = 1; seed <= 4; seed++) {
            BufferedImage a = image(background);
            BufferedImage b = image(background);
            Graphics2D g = a.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Graphics2D gb = b.createGraphics();
            gb.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gb.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            DirectPixels pixels = DirectPixels.of(b);
            int i = 0;
            for (Path2D.Float p : polygons(seed)) {
                Color c = colours[i++ % colours.length];
                g.setColor(c);
                g.fill(p);
                if (pixels.fill(screen(p), c)) {
                    direct++;
                } else {
                    gb.setColor(c);
                    gb.fill(p);
                }
            }
            g.dispose();
            gb.dispose();
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int pa = a.getRGB(x, y);
                    int pb = b.getRGB(x, y);
                    // Premultiplied channels: the colour of an almost transparent pixel does not show.
                    int gap = Math.abs((pa >>> 24) - (pb >>> 24));
                    for (int shift = 0; shift <= 16; shift += 8) {
                        gap = Math.max(gap, Math.abs(((pa >>> shift) & 0xff) * (pa >>> 24) / 255
                                - ((pb >>> shift) & 0xff) * (pb >>> 24) / 255));
                    }
                    if (pa != (background == null ? 0 : background.getRGB()) || pb != pa) {
                        drawn++;
                    }
                    inkMarlin += ink(pa, background);
                    inkDirect += ink(pb, background);
                    if (gap > 64) {
                        bigGaps++;
                    }
                    maxGap = Math.max(maxGap, gap);
                }
            }
        }
        System.out.printf("fills on %s: %d filled directly, ink ratio %.4f, largest premultiplied channel gap %d, gaps over 64 %.4f of %d%n",
                background == null ? "transparent" : "white", direct, (double) inkDirect / inkMarlin, maxGap,
                (double) bigGaps / drawn, drawn);
        assertThat(direct).as("most polygons are small and inside").isGreaterThan(1200).isLessThan(1600);
        assertThat((double) inkDirect / inkMarlin).as("total ink against Marlin's").isBetween(0.99, 1.01);
        assertThat((double) bigGaps / drawn).as("pixels with a channel differing by more than 64").isLessThan(0.002);
    }

    @Test
    void smallFillsLookLikeMarlinsOnWhite() {
        assertFillsLikeMarlin(Color.WHITE);
    }

    @Test
    void smallFillsLookLikeMarlinsOnATransparentTile() {
        assertFillsLikeMarlin(null);
    }

    @Test
    void largePolygonsAndPolygonsAcrossTheEdgeAreLeftToJava2D() {
        DirectPixels pixels = DirectPixels.of(image(Color.WHITE));
        assertThat(pixels.fill(screen(new java.awt.Rectangle(10, 10, 60, 5)), Color.RED)).isFalse();
        assertThat(pixels.fill(screen(new java.awt.Rectangle(-1, 10, 5, 5)), Color.RED)).isFalse();
        assertThat(pixels.fill(screen(new java.awt.Rectangle(253, 10, 5, 5)), Color.RED)).isFalse();
        assertThat(pixels.fillPixel(256, 3, Color.RED)).isFalse();
        BufferedImage img = image(Color.WHITE);
        assertThat(DirectPixels.of(img).fill(screen(new java.awt.Rectangle(10, 10, 4, 3)), Color.RED)).isTrue();
        assertThat(new Color(img.getRGB(11, 11))).isEqualTo(Color.RED);
        assertThat(new Color(img.getRGB(14, 11))).isEqualTo(Color.WHITE);
        assertThat(new Color(img.getRGB(11, 13))).isEqualTo(Color.WHITE);
        assertThat(DirectPixels.of(img).fillPixel(20, 30, Color.BLUE)).isTrue();
        assertThat(new Color(img.getRGB(20, 30))).isEqualTo(Color.BLUE);
        assertThat(new Color(img.getRGB(21, 30))).isEqualTo(Color.WHITE);
    }

    @Test
    void aScreenShapeIsTheSameShapeForJava2D() {
        for (long seed = 1; seed <= 3; seed++) {
            Path2D.Float p = outlines(seed); // rings and an open line
            BufferedImage a = image(Color.WHITE);
            BufferedImage b = image(Color.WHITE);
            for (BufferedImage img : new BufferedImage[] {a, b}) {
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(GREY);
                java.awt.Shape s = img == a ? p : screen(p);
                g.fill(s);
                g.setColor(Color.RED);
                g.draw(s);
                g.dispose();
            }
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    assertThat(b.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(a.getRGB(x, y));
                }
            }
            assertThat(screen(p).getBounds2D()).isEqualTo(p.getBounds2D());
            assertThat(screen(p).contains(100.5, 100.5)).isEqualTo(p.contains(100.5, 100.5));
        }
    }

    /** The straight-segment shape as the renderer's screen shape. */
    static ScreenShape screen(java.awt.Shape shape) {
        ScreenShape.Builder b = new ScreenShape.Builder(16);
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case java.awt.geom.PathIterator.SEG_MOVETO -> b.moveTo(c[0], c[1]);
                case java.awt.geom.PathIterator.SEG_LINETO -> b.lineTo(c[0], c[1]);
                case java.awt.geom.PathIterator.SEG_CLOSE -> b.close();
                default -> throw new IllegalArgumentException("curve");
            }
        }
        return b.build();
    }
}
