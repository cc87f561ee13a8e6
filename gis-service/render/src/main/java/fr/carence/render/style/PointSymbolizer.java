package fr.carence.render.style;

/** Draws a graphic at points (at an interior point for polygons, the middle of lines). */
public record PointSymbolizer(Graphic graphic) implements Symbolizer {
}
