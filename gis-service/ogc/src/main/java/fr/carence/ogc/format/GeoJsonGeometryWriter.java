package fr.carence.ogc.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import fr.carence.ogc.core.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <p>Positions are written as ASCII bytes into a small buffer and handed to the generator in
 * chunks ({@link JsonGenerator#writeRaw(SerializableString)}, copied as they are into its
 * output buffer) between the ring's own start and end of array: a national response has
 * millions of positions, and one generator call per number and per bracket, each number then
 * re-encoded char by char to UTF-8, cost more than formatting the number. The generator's own
 * structure (type, arrays around the rings) is kept, so what follows stays well formed.
 */
public final class GeoJsonGeometryWriter {

    private static final JsonFactory JSON = new JsonFactory();
    /** Chunk handed to the generator, under the 8,000 bytes of Jackson's output buffer so it usually fits in. */
    private static final int CHUNK = 4000;
    private static final ThreadLocal<RawChunk> BUFFERS = ThreadLocal.withInitial(RawChunk::new);

    private final JsonGenerator g;
    /** Multiplier of the rounding grid (1e7: 1e-7 degree), or 0 to write coordinates as they are. */
    private final double scale;
    private final RawChunk chunk;
    private final byte[] buf;
    private int pos;

    private GeoJsonGeometryWriter(JsonGenerator g, double scale, RawChunk chunk) {
        this.g = g;
        this.scale = scale;
        this.chunk = chunk;
        this.buf = chunk.bytes;
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
            new GeoJsonGeometryWriter(g, Math.pow(10, decimals), new RawChunk()).geometry(geom);
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

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the right copy for ASCII text
    private void number(double d) throws IOException {
        if (!Double.isFinite(d)) {
            buf[pos++] = 'n';
            buf[pos++] = 'u';
            buf[pos++] = 'l';
            buf[pos++] = 'l';
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
        s.getBytes(0, n, buf, pos);
        pos += n;
    }

    private void flush() throws IOException {
        if (pos > 0) {
            chunk.length = pos;
            g.writeRaw(chunk);
            pos = 0;
        }
    }

    private double rounded(double v) {
        return scale == 0 ? v : Math.round(v * scale) / scale;
    }

    /**
     * ASCII text already encoded, for {@link JsonGenerator#writeRaw(SerializableString)}: a byte
     * generator copies it into its buffer (or writes it through when it does not fit), a
     * character one reads {@link #getValue()}. Only the unquoted forms are ever asked for.
     */
    private static final class RawChunk implements SerializableString {
        final byte[] bytes = new byte[CHUNK];
        int length;

        @Override
        public String getValue() {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }

        @Override
        public int charLength() {
            return length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOf(bytes, length);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            if (offset + length > buffer.length) {
                return -1;
            }
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (char) bytes[i];
            }
            return length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
            return length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer out) {
            if (out.remaining() < length) {
                return -1;
            }
            out.put(bytes, 0, length);
            return length;
        }

        @Override
        public char[] asQuotedChars() {
            throw quoted();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw quoted();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw quoted();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw quoted();
        }

        private static UnsupportedOperationException quoted() {
            return new UnsupportedOperationException("raw coordinates text is never written as a quoted string");
        }
    }
}
