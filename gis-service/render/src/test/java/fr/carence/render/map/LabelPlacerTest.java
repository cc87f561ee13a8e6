package fr.carence.render.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.render.style.Fill;
import fr.carence.render.style.Font;
import fr.carence.render.style.Halo;
import fr.carence.render.style.LabelPlacement;
import fr.carence.render.style.TextSymbolizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {

    private static final TextSymbolizer CENTRED = new TextSymbolizer("nom", new Font("SansSerif", 12, false, false),
            new LabelPlacement.Point(0.5, 0.5, 0, 0, 0), new Halo(1.5, new Fill(Color.WHITE, 1)), new Fill(Color.BLACK, 1));

    private static int place(BufferedImage image, LabelCandidate... candidates) {
        LabelPlacer placer = new LabelPlacer(image.getWidth(), image.getHeight());
        for (LabelCandidate c : candidates) {
            placer.add(c);
        }
        Graphics2D g = image.createGraphics();
        placer.placeAll(g);
        g.dispose();
        return placer.placedCount();
    }

    @Test
    void overlappingLabelsKeepOnlyTheFirst() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        int placed = place(image, new LabelCandidate("Aurillac", CENTRED, 100, 50, 0),
                new LabelCandidate("Arpajon-sur-Cère", CENTRED, 104, 53, 0));
        assertThat(placed).isEqualTo(1);
    }

    @Test
    void distantLabelsAreAllPlacedAndDrawn() {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        int placed = place(image, new LabelCandidate("Aurillac", CENTRED, 60, 30, 0),
                new LabelCandidate("Mauriac", CENTRED, 240, 70, 0));
        assertThat(placed).isEqualTo(2);
        assertThat(opaquePixels(image, 30, 20, 60, 20)).isPositive();
        assertThat(opaquePixels(image, 210, 60, 60, 20)).isPositive();
        assertThat(opaquePixels(image, 130, 0, 40, 100)).as("nothing between the labels").isZero();
    }

    @Test
    void labelsCrossingTheImageEdgeAreDropped() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        assertThat(place(image, new LabelCandidate("Saint-Flour", CENTRED, 3, 50, 0))).isZero();
        assertThat(opaquePixels(image, 0, 0, 200, 100)).isZero();
    }

    @Test
    void collisionIndexFindsBoxesAcrossGridCells() {
        LabelPlacer placer = new LabelPlacer(1000, 1000);
        placer.occupy(new Rectangle2D.Double(60, 60, 10, 10)); // straddles the 64-px cell border
        assertThat(placer.collides(new Rectangle2D.Double(66, 66, 2, 2))).isTrue();
        assertThat(placer.collides(new Rectangle2D.Double(50, 50, 12, 12))).isTrue();
        assertThat(placer.collides(new Rectangle2D.Double(71, 60, 5, 5))).isFalse();
        assertThat(placer.collides(new Rectangle2D.Double(500, 500, 50, 50))).isFalse();
    }

    static int opaquePixels(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((image.getRGB(x, y) >>> 24) > 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
