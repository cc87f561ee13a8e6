package fr.carence.loaders.core;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.geom.util.GeometryFixer;
import java.util.List;

/**
 * Explicit handling of polygon validity. Rule (documented in docs/loaders.md): an invalid
 * polygon is repaired with JTS {@link GeometryFixer} and its id is listed in the report; if the
 * repair leaves no area the load fails naming the feature. Empty geometries are errors. Never silent.
 */
public final class GeometryChecks {

    private GeometryChecks() {
    }

    /**
     * @param where builds the error for this feature (file, index, id, field)
     * @return a valid MultiPolygon (input SRID kept)
     */
    public static MultiPolygon validMultiPolygon(Geometry g, String id, LoadReport report, FieldError where) {
        if (g == null || g.isEmpty()) {
            throw where.error("geometry", "géométrie vide ou absente");
        }
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            throw where.error("geometry", "polygone attendu, trouvé " + g.getGeometryType());
        }
        Geometry valid = g;
        if (!g.isValid()) {
            valid = GeometryFixer.fix(g);
            if (valid.isEmpty() || valid.getArea() == 0) {
                throw where.error("geometry", "géométrie invalide et irréparable (surface nulle après correction)");
            }
            report.repairedGeometry(id);
        }
        return toMultiPolygon(valid);
    }

    /** Polygon or MultiPolygon (or a collection after a repair) as a MultiPolygon, keeping the SRID. */
    public static MultiPolygon toMultiPolygon(Geometry g) {
        if (g instanceof MultiPolygon mp) {
            return mp;
        }
        GeometryFactory f = g.getFactory();
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        MultiPolygon mp = f.createMultiPolygon(polygons.toArray(new Polygon[0]));
        mp.setSRID(g.getSRID());
        return mp;
    }
}
