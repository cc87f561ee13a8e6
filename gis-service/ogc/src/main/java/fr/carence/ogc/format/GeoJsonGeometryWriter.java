package fr.carence.ogc.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.carence.ogc.core.Numbers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometry to a GeoJSON geometry object (x first, in whatever CRS the caller transformed it
 * to): the one GeoJSON geometry writer, for WFS and OGC API features and WMS feature info.
 * Numbers are written in their shortest round-trip form ({@link Numbers}), a non-finite one as null.
 */
public final class GeoJsonGeometryWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    /** Multiplier of the rounding grid (1e7: 1e-7 degree), or 0 to write coordinates as they are. */
    private final double scale;

    private GeoJsonGeometryWriter(JsonGenerator g, double scale) {
        this.g = g;
        this.scale = scale;
    }

    /** Writes the geometry object at the generator's position, coordinates unrounded. */
    public static void write(JsonGenerator g, Geometry geom) throws IOException {
        new GeoJsonGeometryWriter(g, 0).geometry(geom);
    }

    /**
     * The geometry object as JSON text, each coordinate rounded to {@code decimals} decimals
     * (7 decimals of a degree are about a centimetre: enough for an info popup).
     */
    public static String json(Geometry geom, int decimals) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            new GeoJsonGeometryWriter(g, Math.pow(10, decimals)).geometry(geom);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** A GeoJSON number: shortest round-trip text, never exponent notation; null when not finite. */
    static void number(JsonGenerator g, double d) throws IOException {
        if (!Double.isFinite(d)) {
            g.writeNull();
        } else {
            // One conversion per number (this used to format each coordinate twice).
            g.writeNumber(Numbers.format(d));
        }
    }

    private void geometry(Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            position(p.getCoordinateSequence(), 0);
        } else if (geom instanceof LineString l) {
            g.writeStringField("type", "LineString");
            g.writeFieldName("coordinates");
            positions(l.getCoordinateSequence());
        } else if (geom instanceof Polygon p) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            rings(p);
        } else if (geom instanceof MultiPoint mp) {
            g.writeStringField("type", "MultiPoint");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                position(((Point) mp.getGeometryN(i)).getCoordinateSequence(), 0);
            }
            g.writeEndArray();
        } else if (geom instanceof MultiLineString ml) {
            g.writeStringField("type", "MultiLineString");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                positions(((LineString) ml.getGeometryN(i)).getCoordinateSequence());
            }
            g.writeEndArray();
        } else if (geom instanceof MultiPolygon mp) {
            g.writeStringField("type", "MultiPolygon");
            g.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                rings((Polygon) mp.getGeometryN(i));
            }
            g.writeEndArray();
        } else if (geom instanceof GeometryCollection gc) {
            g.writeStringField("type", "GeometryCollection");
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                geometry(gc.getGeometryN(i));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void rings(Polygon p) throws IOException {
        g.writeStartArray();
        positions(p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            positions(p.getInteriorRingN(i).getCoordinateSequence());
        }
        g.writeEndArray();
    }

    private void positions(CoordinateSequence seq) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            position(seq, i);
        }
        g.writeEndArray();
    }

    private void position(CoordinateSequence seq, int i) throws IOException {
        g.writeStartArray();
        number(g, rounded(seq.getX(i)));
        number(g, rounded(seq.getY(i)));
        g.writeEndArray();
    }

    private double rounded(double v) {
        return scale == 0 ? v : Math.round(v * scale) / scale;
    }
}
