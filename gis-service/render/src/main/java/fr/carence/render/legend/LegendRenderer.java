package fr.carence.render.legend;

import fr.carence.render.map.MarkShapes;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.PointSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Style;
import fr.carence.render.style.Symbolizer;
import fr.carence.render.style.TextSymbolizer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a style's legend: one row per rule, a swatch (what the rule's symbolizers draw) then the
 * rule's title. Rules that only label are shown only when the style has nothing else, with an
 * "Abc" swatch.
 */
public final class LegendRenderer {

    private static final int GAP = 4;
    private static final int PADDING = 2;
    private static final Font TITLE_FONT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);

    /**
     * The rules that get a legend row, in order. A rule with the same title as an earlier one
     * (the same class drawn differently at another scale) gets no second row.
     */
    public static List<Rule> legendRules(Style style) {
        List<Rule> all = style.allRules();
        List<Rule> drawing = all.stream()
                .filter(r -> r.symbolizers().stream().anyMatch(s -> !(s instanceof TextSymbolizer))).toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        return (drawing.isEmpty() ? all : drawing).stream().filter(r -> seen.add(r.label())).toList();
    }

    /**
     * @param swatchWidth swatch width in pixels (WMS GetLegendGraphic WIDTH, default 20)
     * @param swatchHeight swatch height in pixels (HEIGHT, default 20)
     * @param transparent transparent background instead of white
     */
    public BufferedImage render(Style style, int swatchWidth, int swatchHeight, boolean transparent) {
        List<Rule> rules = legendRules(style);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(TITLE_FONT);
        int textWidth = 0;
        for (Rule r : rules) {
            textWidth = Math.max(textWidth, fm.stringWidth(r.label()));
        }
        pg.dispose();
        int rowHeight = Math.max(swatchHeight, fm.getHeight());
        int width = PADDING * 2 + swatchWidth + (textWidth > 0 ? GAP + textWidth : 0);
        int height = Math.max(1, PADDING * 2 + rules.size() * rowHeight + Math.max(0, rules.size() - 1) * GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (!transparent) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            int y = PADDING;
            for (Rule r : rules) {
                int swatchY = y + (rowHeight - swatchHeight) / 2;
                drawSwatch(g, r, PADDING, swatchY, swatchWidth, swatchHeight);
                g.setFont(TITLE_FONT);
                g.setColor(TEXT);
                int baseline = y + (rowHeight - fm.getHeight()) / 2 + fm.getAscent();
                g.drawString(r.label(), PADDING + swatchWidth + GAP, baseline);
                y += rowHeight + GAP;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawSwatch(Graphics2D g, Rule rule, int x, int y, int w, int h) {
        for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof PolygonSymbolizer ps) {
                Shape box = new Rectangle2D.Double(x + 1, y + 1, w - 2, h - 2);
                if (ps.fill() != null) {
                    g.setColor(ps.fill().paint());
                    g.fill(box);
                }
                if (ps.stroke() != null && ps.stroke().width() > 0) {
                    g.setColor(ps.stroke().paint());
                    // Thin national outlines (0.3 px) would vanish in a swatch.
                    g.setStroke(withMinWidth(ps.stroke().awtStroke(), 1f));
                    g.draw(box);
                }
            } else if (s instanceof LineSymbolizer ls) {
                g.setColor(ls.stroke().paint());
                g.setStroke(withMinWidth(ls.stroke().awtStroke(), 1f));
                g.draw(new Line2D.Double(x + 1, y + h / 2.0, x + w - 1, y + h / 2.0));
            } else if (s instanceof PointSymbolizer pt) {
                double size = Math.min(pt.graphic().size(), Math.min(w, h) - 2);
                Shape mark = AffineTransform.getTranslateInstance(x + w / 2.0, y + h / 2.0)
                        .createTransformedShape(MarkShapes.shape(pt.graphic().mark().wellKnownName(), size));
                if (pt.graphic().mark().fill() != null) {
                    g.setColor(pt.graphic().mark().fill().paint());
                    g.fill(mark);
                }
                if (pt.graphic().mark().stroke() != null) {
                    g.setColor(pt.graphic().mark().stroke().paint());
                    g.setStroke(withMinWidth(pt.graphic().mark().stroke().awtStroke(), 0.5f));
                    g.draw(mark);
                }
            } else if (s instanceof TextSymbolizer ts && rule.symbolizers().size() == 1) {
                g.setColor(ts.fill().paint());
                g.setFont(ts.font().awtFont().deriveFont((float) Math.min(ts.font().size(), h - 4)));
                g.drawString("Abc", x + 1, y + h - 4);
            }
        }
    }

    private static BasicStroke withMinWidth(BasicStroke s, float min) {
        return new BasicStroke(Math.max(min, s.getLineWidth()), s.getEndCap(), s.getLineJoin(), s.getMiterLimit(),
                s.getDashArray(), s.getDashPhase());
    }
}
