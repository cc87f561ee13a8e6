package fr.carence.render.style;

/**
 * A point graphic: a well-known mark, or an external image when {@code externalUrl} is set and
 * can be loaded (the mark is then the fallback).
 *
 * @param mark the mark (never null: SLD's default is a grey square)
 * @param externalUrl URL of an ExternalGraphic (file: or classpath: only), or null
 * @param size size in pixels
 * @param opacity 0–1
 * @param rotation degrees, clockwise
 */
public record Graphic(Mark mark, String externalUrl, double size, double opacity, double rotation) {
}
