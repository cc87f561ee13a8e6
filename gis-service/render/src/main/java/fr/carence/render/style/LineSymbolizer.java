package fr.carence.render.style;

/** Strokes lines (and polygon boundaries). */
public record LineSymbolizer(Stroke stroke) implements Symbolizer {
}
