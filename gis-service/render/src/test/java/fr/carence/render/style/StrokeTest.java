package fr.carence.render.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Thin solid strokes are drawn with bevel joins and square caps (cheaper for Marlin than round
 * ones): on a made-up jagged outline, as anti-aliased pixels, they look like the round-joined line.
 */
class StrokeTest {

    private static BufferedImage draw(BasicStroke stroke) {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(0x78, 0x78, 0x78));
        g.setStroke(stroke);
        // A closed outline with sharp and gentle turns, as a simplified commune border has.
        Path2D.Float p = new Path2D.Float();
        p.moveTo(20, 20);
        for (int i = 1; i < 60; i++) {
            p.lineTo(20 + i * 3.7, 20 + (i % 2 == 0 ? 0 : 11 + (i % 7) * 9.3));
        }
        p.lineTo(240, 240);
        p.lineTo(30, 230);
        p.closePath();
        g.draw(p);
        g.dispose();
        return img;
    }

    @Test
    void aThinStrokeLooksLikeTheRoundJoinedOne() {
        Stroke thin = new Stroke(Color.GRAY, 0.3, 1, null);
        assertThat(thin.awtStroke().getLineJoin()).isEqualTo(BasicStroke.JOIN_BEVEL);
        BufferedImage bevel = draw(thin.awtStroke());
        BufferedImage round = draw(new BasicStroke(0.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int drawn = 0;
        int maxAlphaGap = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int a = bevel.getRGB(x, y) >>> 24;
                int b = round.getRGB(x, y) >>> 24;
                if (a > 0 || b > 0) {
                    drawn++;
                }
                maxAlphaGap = Math.max(maxAlphaGap, Math.abs(a - b));
            }
        }
        assertThat(drawn).as("the outline is drawn").isGreaterThan(500);
        // 0.3 px of coverage is alpha ~77: a gap below a third of that is invisible at this width.
        assertThat(maxAlphaGap).as("largest coverage difference on any pixel").isLessThanOrEqualTo(25);
    }

    @Test
    void wideAndDashedStrokesKeepRoundJoins() {
        assertThat(new Stroke(Color.GRAY, 2, 1, null).awtStroke().getLineJoin()).isEqualTo(BasicStroke.JOIN_ROUND);
        assertThat(new Stroke(Color.GRAY, 0.5, 1, new float[] {4, 2}).awtStroke().getLineJoin())
                .isEqualTo(BasicStroke.JOIN_ROUND);
    }
}
