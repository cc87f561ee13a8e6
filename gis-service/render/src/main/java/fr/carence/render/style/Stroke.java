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

    /** The Java2D stroke; round joins avoid spikes on the sharp angles of simplified borders. */
    public BasicStroke awtStroke() {
        float w = (float) Math.max(0, width);
        if (dashArray == null || dashArray.length == 0) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashArray.clone(), 0f);
    }
}
