package fr.carence.render.style;

/** Where a label goes relative to its feature. */
public sealed interface LabelPlacement {

    /**
     * Label at a point; anchor (0–1 of the label box, 0.5/0.5 = centred; SLD defaults to 0/0.5)
     * then displacement in pixels (y up, as SLD says).
     */
    record Point(double anchorX, double anchorY, double displacementX, double displacementY, double rotation)
            implements LabelPlacement {
        public static final Point DEFAULT = new Point(0, 0.5, 0, 0, 0);
    }

    /** Label along a line, offset perpendicularly by the given pixels. */
    record Line(double perpendicularOffset) implements LabelPlacement {
    }
}
