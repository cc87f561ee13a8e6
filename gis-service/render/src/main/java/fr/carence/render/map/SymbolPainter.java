package fr.carence.render.map;

import fr.carence.render.style.Fill;
import fr.carence.render.style.Graphic;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.Mark;
import fr.carence.render.style.PointSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Stroke;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** Draws polygon, line and point symbolizers with Java2D on already-transformed screen shapes. */
final class SymbolPainter {

    private SymbolPainter() {
    }

    /** @param direct where small fills and thin solid outlines go when not null (see {@link DirectPixels}) */
    static void polygon(Graphics2D g, DirectPixels direct, ScreenShape shape, PolygonSymbolizer s) {
        if (s.fill() != null) {
            fill(g, direct, shape, s.fill().paint());
        }
        if (s.stroke() != null) {
            stroke(g, direct, shape, s.stroke());
        }
    }

    /** Fills the shape, in the image's pixels when {@code direct} takes it, else with Java2D. */
    static void fill(Graphics2D g, DirectPixels direct, ScreenShape shape, Color paint) {
        if (direct == null || !direct.fill(shape, paint)) {
            g.setColor(paint);
            g.fill(shape);
        }
    }

    /** Fills one whole pixel (a polygon smaller than a pixel). */
    static void pixel(Graphics2D g, DirectPixels direct, Rectangle2D pixel, Color paint) {
        if (direct == null || !direct.fillPixel((int) pixel.getX(), (int) pixel.getY(), paint)) {
            g.setColor(paint);
            g.fill(pixel);
        }
    }

    static void line(Graphics2D g, DirectPixels direct, ScreenShape shape, LineSymbolizer s) {
        stroke(g, direct, shape, s.stroke());
    }

    private static void stroke(Graphics2D g, DirectPixels direct, ScreenShape shape, Stroke stroke) {
        if (direct != null && DirectPixels.handles(stroke.width(), stroke.dashArray())) {
            direct.line(shape, stroke.width(), stroke.paint());
        } else {
            stroke(g, shape, stroke);
        }
    }

    static void stroke(Graphics2D g, Shape shape, Stroke stroke) {
        if (stroke.width() <= 0) {
            return;
        }
        g.setColor(stroke.paint());
        g.setStroke(stroke.awtStroke());
        g.draw(shape);
    }

    /** Draws the symbolizer's mark centred on the screen point. */
    static void point(Graphics2D g, double x, double y, PointSymbolizer s) {
        Graphic graphic = s.graphic();
        mark(g, x, y, graphic.mark(), graphic.size(), graphic.opacity(), graphic.rotation());
    }

    static void mark(Graphics2D g, double x, double y, Mark mark, double size, double opacity, double rotation) {
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        if (rotation != 0) {
            at.rotate(Math.toRadians(rotation));
        }
        Shape shape = at.createTransformedShape(MarkShapes.shape(mark.wellKnownName(), size));
        Composite previous = g.getComposite();
        if (opacity < 1) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0, opacity)));
        }
        Fill fill = mark.fill();
        if (fill != null) {
            g.setColor(fill.paint());
            g.fill(shape);
        }
        if (mark.stroke() != null) {
            stroke(g, shape, mark.stroke());
        }
        g.setComposite(previous);
    }
}
