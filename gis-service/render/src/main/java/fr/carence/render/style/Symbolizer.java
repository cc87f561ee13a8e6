package fr.carence.render.style;

/** How a feature that matched a rule is drawn. */
public sealed interface Symbolizer permits PolygonSymbolizer, LineSymbolizer, PointSymbolizer, TextSymbolizer {
}
