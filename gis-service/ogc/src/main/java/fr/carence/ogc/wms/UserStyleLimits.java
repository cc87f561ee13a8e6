package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.render.style.FeatureTypeStyle;
import fr.carence.render.style.Graphic;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.PointSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Stroke;
import fr.carence.render.style.Style;
import fr.carence.render.style.Symbolizer;
import fr.carence.render.style.TextSymbolizer;

/**
 * Bounds on a style sent by a client (SLD_BODY): the catalogue's styles are trusted, a user style
 * is not. Each bound stops one way of making a small document cost a lot to draw: thousands of
 * rules (every feature is tested against each), sub-pixel dashes (Java2D emits one segment per
 * dash), huge strokes, marks and fonts (glyph and mask rasters grow with the square of the size).
 * Values are far above anything a readable map uses.
 */
final class UserStyleLimits {

    static final int MAX_RULES = 100;
    static final double MAX_STROKE_WIDTH = 100;
    static final double MIN_DASH = 1;
    static final int MAX_DASHES = 16;
    static final double MAX_GRAPHIC_SIZE = 256;
    static final double MAX_FONT_SIZE = 144;
    static final double MAX_HALO = 20;

    private UserStyleLimits() {
    }

    static void check(Style style, String layer) {
        int rules = 0;
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                rules++;
                for (Symbolizer s : r.symbolizers()) {
                    check(s, layer);
                }
            }
        }
        if (rules > MAX_RULES) {
            throw refuse(layer, rules + " règles, au plus " + MAX_RULES);
        }
    }

    private static void check(Symbolizer s, String layer) {
        if (s instanceof PolygonSymbolizer p) {
            check(p.stroke(), layer);
        } else if (s instanceof LineSymbolizer l) {
            check(l.stroke(), layer);
        } else if (s instanceof PointSymbolizer p) {
            check(p.graphic(), layer);
        } else if (s instanceof TextSymbolizer t) {
            within(t.font().size(), 0, MAX_FONT_SIZE, "font-size", layer);
            if (t.halo() != null) {
                within(t.halo().radius(), 0, MAX_HALO, "Halo/Radius", layer);
            }
        }
    }

    private static void check(Graphic g, String layer) {
        if (g == null) {
            return;
        }
        within(g.size(), 0, MAX_GRAPHIC_SIZE, "Graphic/Size", layer);
        if (g.mark() != null) {
            check(g.mark().stroke(), layer);
        }
    }

    private static void check(Stroke stroke, String layer) {
        if (stroke == null) {
            return;
        }
        within(stroke.width(), 0, MAX_STROKE_WIDTH, "stroke-width", layer);
        float[] dashes = stroke.dashArray();
        if (dashes != null) {
            if (dashes.length > MAX_DASHES) {
                throw refuse(layer, "stroke-dasharray de " + dashes.length + " valeurs, au plus " + MAX_DASHES);
            }
            for (float d : dashes) {
                within(d, MIN_DASH, MAX_STROKE_WIDTH * 10, "stroke-dasharray", layer);
            }
        }
    }

    private static void within(double value, double min, double max, String what, String layer) {
        if (!(value >= min && value <= max)) {
            throw refuse(layer, what + " = " + value + ", attendu entre " + fmt(min) + " et " + fmt(max) + " pixels");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static OwsException refuse(String layer, String detail) {
        return OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "SLD_BODY",
                "SLD_BODY : le style de la couche « " + layer + " » dépasse les limites du serveur (" + detail + ").");
    }
}
