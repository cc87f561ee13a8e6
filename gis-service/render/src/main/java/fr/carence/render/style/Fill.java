package fr.carence.render.style;

import java.awt.Color;

/** A solid fill: colour (RGB) and opacity 0–1. */
public record Fill(Color color, double opacity) {

    public static final Fill DEFAULT_GREY = new Fill(new Color(0x80, 0x80, 0x80), 1.0);

    /** The colour with the opacity folded into its alpha channel. */
    public Color paint() {
        return withOpacity(color, opacity);
    }

    static Color withOpacity(Color c, double opacity) {
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
