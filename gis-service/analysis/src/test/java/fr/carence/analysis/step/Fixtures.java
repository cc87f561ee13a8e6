package fr.carence.analysis.step;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Made-up communes for hand-computable unit fixtures (coordinates in km, converted to m). */
final class Fixtures {
    static final GeometryFactory GF = new GeometryFactory();

    private Fixtures() {
    }

    static Commune commune(String code, double population, double xKm, double yKm) {
        Place p = new Place(code, xKm * 1000, yKm * 1000, 2154);
        return new Commune(code, "fixture-" + code, population, p, GF.createPoint(new Coordinate(p.x(), p.y())), null);
    }

    static Place place(String code, double xKm) {
        return new Place(code, xKm * 1000, 0, 2154);
    }

    /** Axis-aligned square of side {@code size} metres with its lower-left corner at (x, y). */
    static Geometry square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y),
                new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y)});
    }
}
