package fr.carence.render.style;

/**
 * A label taken from a feature property.
 *
 * @param labelProperty property whose value is the label text
 * @param font font, never null
 * @param placement point or line placement, never null
 * @param halo halo around the glyphs, or null
 * @param fill text colour, never null (SLD default: black)
 */
public record TextSymbolizer(String labelProperty, Font font, LabelPlacement placement, Halo halo, Fill fill)
        implements Symbolizer {
}
