package fr.carence.render.map;

import fr.carence.render.style.LabelPlacement;
import fr.carence.render.style.TextSymbolizer;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places labels after all geometries are drawn, first come first served: a label is drawn only
 * if its box (grown by its halo and a small gap) lies fully inside the image and overlaps no
 * label already placed. Placed boxes are indexed in a uniform grid so each test looks only at
 * nearby labels.
 */
public final class LabelPlacer {

    private static final int CELL = 64;
    private static final double GAP = 2;

    private final int width;
    private final int height;
    private final List<LabelCandidate> candidates = new ArrayList<>();
    private final Map<Long, List<Rectangle2D>> grid = new HashMap<>();
    private int placed;

    public LabelPlacer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    void add(LabelCandidate candidate) {
        candidates.add(candidate);
    }

    /** Number of labels actually drawn by {@link #placeAll}. */
    public int placedCount() {
        return placed;
    }

    /** Places and draws every candidate in the order added. */
    public void placeAll(Graphics2D g) {
        FontRenderContext frc = g.getFontRenderContext();
        for (LabelCandidate c : candidates) {
            TextSymbolizer s = c.symbolizer();
            TextLayout layout = new TextLayout(c.text(), s.font().awtFont(), frc);
            double w = layout.getAdvance();
            double h = layout.getAscent() + layout.getDescent();
            double ax;
            double ay;
            double dx = 0;
            double dy = 0;
            double angle;
            if (s.placement() instanceof LabelPlacement.Point p) {
                ax = p.anchorX();
                ay = p.anchorY();
                dx = p.displacementX();
                dy = -p.displacementY(); // SLD displacement is y-up, the screen is y-down
                angle = Math.toRadians(p.rotation());
            } else {
                ax = 0.5;
                ay = 0.5;
                dy = -((LabelPlacement.Line) s.placement()).perpendicularOffset();
                angle = c.lineAngle();
            }
            // Label box in a frame centred on the anchor point, before rotation.
            double left = dx - ax * w;
            double top = dy + ay * h - h;
            AffineTransform toScreen = AffineTransform.getTranslateInstance(c.x(), c.y());
            toScreen.rotate(angle);
            double margin = (s.halo() == null ? 0 : s.halo().radius()) + GAP;
            Rectangle2D box = toScreen.createTransformedShape(
                    new Rectangle2D.Double(left - margin, top - margin, w + 2 * margin, h + 2 * margin)).getBounds2D();
            if (!fits(box) || collides(box)) {
                continue;
            }
            occupy(box);
            draw(g, layout, toScreen, left, top + layout.getAscent(), s);
            placed++;
        }
        candidates.clear();
    }

    /** True when the box (already in screen pixels) overlaps a placed label. */
    boolean collides(Rectangle2D box) {
        for (long key : cells(box)) {
            List<Rectangle2D> list = grid.get(key);
            if (list != null) {
                for (Rectangle2D r : list) {
                    if (r.intersects(box)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    void occupy(Rectangle2D box) {
        for (long key : cells(box)) {
            grid.computeIfAbsent(key, k -> new ArrayList<>()).add(box);
        }
    }

    private boolean fits(Rectangle2D box) {
        return box.getMinX() >= 0 && box.getMinY() >= 0 && box.getMaxX() <= width && box.getMaxY() <= height;
    }

    private static List<Long> cells(Rectangle2D box) {
        List<Long> keys = new ArrayList<>();
        int x0 = (int) Math.floor(box.getMinX() / CELL);
        int x1 = (int) Math.floor(box.getMaxX() / CELL);
        int y0 = (int) Math.floor(box.getMinY() / CELL);
        int y1 = (int) Math.floor(box.getMaxY() / CELL);
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                keys.add(((long) x << 32) ^ (y & 0xffffffffL));
            }
        }
        return keys;
    }

    private static void draw(Graphics2D g, TextLayout layout, AffineTransform toScreen, double left, double baseline,
                             TextSymbolizer s) {
        AffineTransform at = new AffineTransform(toScreen);
        at.translate(left, baseline);
        Shape outline = layout.getOutline(at);
        if (s.halo() != null && s.halo().radius() > 0) {
            g.setColor(s.halo().fill().paint());
            g.setStroke(new BasicStroke((float) (2 * s.halo().radius()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(s.fill().paint());
        g.fill(outline);
    }
}
