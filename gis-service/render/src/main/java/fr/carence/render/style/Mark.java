package fr.carence.render.style;

/** A well-known mark: square, circle, triangle, star, cross, x. Fill and stroke may be null. */
public record Mark(String wellKnownName, Fill fill, Stroke stroke) {

    public static final Mark DEFAULT_SQUARE = new Mark("square", Fill.DEFAULT_GREY, Stroke.DEFAULT_BLACK);
}
