package fr.carence.render.style;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * A line style. Width is in pixels (SLD 1.0 units).
 *
 * @param dashArray dash lengths in pixels, or null for a solid line
 */
public record Stroke(Color color, double width, double opacity, float[] dashArray) {

    public static final Stroke DEFAULT_BLACK = new Stroke(Color.BLACK, 1, 1, null);

    public Color paint() {
        return Fill.withOpacity(color, opacity);
    }

    /** Widths up to this many pixels are drawn with bevel joins and square caps (see awtStroke). */
    static final float THIN = 1.5f;

    /**
     * The Java2D stroke; round joins avoid spikes on the sharp angles of simplified borders. A thin
     * solid line (at most {@value #THIN} px) gets bevel joins and square caps instead, also without
     * spikes: they differ from round ones by at most half the width (0.15 px for the 0.3 px commune
     * outlines), and Marlin turns every round join into curves (such outlines were half the CPU of
     * a national Web Mercator tile, JFR in docs/ogc-wms.md).
     */
    public BasicStroke awtStroke() {
        float w = (float) Math.max(0, width);
        if ((dashArray == null || dashArray.length == 0) && w <= THIN) {
            return new BasicStroke(w, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_BEVEL);
        }
        if (dashArray == null || dashArray.length == 0) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashArray.clone(), 0f);
    }
}
