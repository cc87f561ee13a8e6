package fr.carence.render.style;

/** A halo drawn under the label glyphs for legibility over busy maps. */
public record Halo(double radius, Fill fill) {
}
