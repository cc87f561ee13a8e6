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
 *
 * <p>Positions are written as text into a small buffer and handed to the generator in chunks
 * ({@link JsonGenerator#writeRaw(char[], int, int)}) between the ring's own start and end of
 * array: a national response has millions of positions, and one generator call per number and
 * per bracket cost more than formatting the number. The generator's own structure (type,
 * arrays around the rings) is kept, so what follows stays well formed.
 */
public final class GeoJsonGeometryWriter {

    private static final JsonFactory JSON = new JsonFactory();
    /** Chunk handed to the generator; the longest plain number of a finite double is under 330 chars. */
    private static final int CHUNK = 8192;
    private static final ThreadLocal<char[]> BUFFERS = ThreadLocal.withInitial(() -> new char[CHUNK]);

    private final JsonGenerator g;
    /** Multiplier of the rounding grid (1e7: 1e-7 degree), or 0 to write coordinates as they are. */
    private final double scale;
    private final char[] buf;
    private int pos;

    private GeoJsonGeometryWriter(JsonGenerator g, double scale, char[] buf) {
        this.g = g;
        this.scale = scale;
        this.buf = buf;
    }

    /** Writes the geometry object at the generator's position, coordinates unrounded. */
    public static void write(JsonGenerator g, Geometry geom) throws IOException {
        new GeoJsonGeometryWriter(g, 0, BUFFERS.get()).geometry(geom);
    }

    /**
     * The geometry object as JSON text, each coordinate rounded to {@code decimals} decimals
     * (7 decimals of a degree are about a centimetre: enough for an info popup).
     */
    public static String json(Geometry geom, int decimals) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            new GeoJsonGeometryWriter(g, Math.pow(10, decimals), new char[CHUNK]).geometry(geom);
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
            g.writeNumber(Numbers.format(d));
        }
    }

    private void geometry(Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            coordinates(p.getCoordinateSequence(), 0);
            flush();
            g.writeEndArray();
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
                g.writeStartArray();
                coordinates(((Point) mp.getGeometryN(i)).getCoordinateSequence(), 0);
                flush();
                g.writeEndArray();
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

    /** An array of positions: the generator opens and closes it, the positions go in as raw text. */
    private void positions(CoordinateSequence seq) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) {
                buf[pos++] = ',';
            }
            buf[pos++] = '[';
            coordinates(seq, i);
            buf[pos++] = ']';
            if (pos > CHUNK - 2 * MAX_NUMBER) {
                flush();
            }
        }
        flush();
        g.writeEndArray();
    }

    /** x,y of one position, without brackets. */
    private void coordinates(CoordinateSequence seq, int i) throws IOException {
        number(rounded(seq.getX(i)));
        buf[pos++] = ',';
        number(rounded(seq.getY(i)));
    }

    /** Longest text {@link #number(double)} writes into the buffer itself, separators included. */
    private static final int MAX_NUMBER = 32;

    private void number(double d) throws IOException {
        if (!Double.isFinite(d)) {
            "null".getChars(0, 4, buf, pos);
            pos += 4;
            return;
        }
        String s = Numbers.format(d);
        int n = s.length();
        if (n > MAX_NUMBER - 4) {
            // Very large or very small values spelt out in full: straight to the generator.
            flush();
            g.writeRaw(s);
            return;
        }
        s.getChars(0, n, buf, pos);
        pos += n;
    }

    private void flush() throws IOException {
        if (pos > 0) {
            g.writeRaw(buf, 0, pos);
            pos = 0;
        }
    }

    private double rounded(double v) {
        return scale == 0 ? v : Math.round(v * scale) / scale;
    }
}
