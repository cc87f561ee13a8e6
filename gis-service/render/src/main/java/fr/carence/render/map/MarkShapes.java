package fr.carence.render.map;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Set;

/** Java2D outlines of the SLD well-known marks, centred on (0, 0), {@code size} pixels across. */
public final class MarkShapes {

    public static final Set<String> KNOWN = Set.of("square", "circle", "triangle", "star", "cross", "x");

    private MarkShapes() {
    }

    public static Shape shape(String wellKnownName, double size) {
        double h = size / 2;
        return switch (wellKnownName.toLowerCase(Locale.ROOT)) {
            case "circle" -> new Ellipse2D.Double(-h, -h, size, size);
            case "triangle" -> polygon(new double[] {0, -h, h, h * 0.732, -h, h * 0.732});
            case "star" -> star(h);
            case "cross" -> cross(h, size * 0.15);
            case "x" -> java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(cross(h, size * 0.15));
            default -> new Rectangle2D.Double(-h, -h, size, size);
        };
    }

    private static Shape star(double outer) {
        double inner = outer * 0.382;
        double[] xy = new double[20];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            xy[2 * i] = r * Math.cos(a);
            xy[2 * i + 1] = r * Math.sin(a);
        }
        return polygon(xy);
    }

    private static Shape cross(double h, double halfThickness) {
        double t = Math.max(0.5, halfThickness);
        return polygon(new double[] {-t, -h, t, -h, t, -t, h, -t, h, t, t, t, t, h, -t, h, -t, t, -h, t, -h, -t, -t, -t});
    }

    private static Shape polygon(double[] xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
