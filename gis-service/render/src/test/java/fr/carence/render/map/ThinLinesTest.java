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
 * Thin outlines drawn by {@link ThinLines} look like Java2D's (Marlin) anti-aliased stroke of the
 * same width: same pixels touched, same ink per pixel within a small gap, on an opaque and on a
 * transparent background.
 */
class ThinLinesTest {

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
        ThinLines.of(img).draw(path, width, color);
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
        assertThat(ThinLines.handles(0.3, null)).isTrue();
        assertThat(ThinLines.handles(1.0, new float[0])).isTrue();
        assertThat(ThinLines.handles(1.5, null)).isFalse();
        assertThat(ThinLines.handles(0.5, new float[] {4, 2})).isFalse();
        assertThat(ThinLines.handles(0, null)).isFalse();
        assertThat(ThinLines.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB))).isNull();
        assertThat(ThinLines.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB))).isNotNull();
    }
}
