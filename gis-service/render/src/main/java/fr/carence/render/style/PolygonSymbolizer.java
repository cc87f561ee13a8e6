package fr.carence.render.style;

/** Fills and/or outlines polygons; either part may be null (not drawn). */
public record PolygonSymbolizer(Fill fill, Stroke stroke) implements Symbolizer {
}
