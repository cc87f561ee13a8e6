package fr.carence.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG encoder round-trips through the JDK's PNG reader pixel for pixel. */
class PngEncoderTest {

    /** A made-up test picture: anti-aliased shapes, translucent fill and noise, so every filter gets used. */
    private static BufferedImage fixture(int type, boolean transparentBackground) {
        BufferedImage img = new BufferedImage(173, 91, type);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (!transparentBackground) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 173, 91);
        }
        g.setColor(new Color(0x1f, 0x78, 0xb4, 128));
        g.fill(new Ellipse2D.Double(10, 5, 120, 70));
        g.setColor(new Color(0xe31a1c));
        g.setStroke(new BasicStroke(0.3f));
        g.draw(new Ellipse2D.Double(40, 20, 120, 60));
        g.dispose();
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            img.setRGB(r.nextInt(173), r.nextInt(91), r.nextInt() | 0xff000000);
        }
        return img;
    }

    private static BufferedImage roundTrip(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngEncoder(1).write(img, out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                if ((e >>> 24) == 0) {
                    assertThat(a >>> 24).as("pixel %d,%d transparent", x, y).isZero();
                } else {
                    assertThat(a).as("pixel %d,%d", x, y).isEqualTo(e);
                }
            }
        }
    }

    @Test
    void translucentImageIsWrittenWithAlpha() throws Exception {
        BufferedImage img = fixture(BufferedImage.TYPE_INT_ARGB, true);
        BufferedImage back = roundTrip(img);
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertSamePixels(img, back);
    }

    @Test
    void opaqueImageIsWrittenAsRgb() throws Exception {
        BufferedImage img = fixture(BufferedImage.TYPE_INT_ARGB, false);
        BufferedImage back = roundTrip(img);
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        assertSamePixels(img, back);
    }

    @Test
    void otherImageTypesAreConverted() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage img = fixture(type, type == BufferedImage.TYPE_4BYTE_ABGR);
            assertSamePixels(img, roundTrip(img));
        }
    }
}
