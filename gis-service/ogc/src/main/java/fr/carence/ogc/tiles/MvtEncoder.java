package fr.carence.ogc.tiles;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.RingClipper;

/**
 * Writes one layer of a Mapbox Vector Tile (vector_tile.proto 2.1) from geometries in EPSG:3857,
 * with protobuf's {@link CodedOutputStream} (tileverse-vectortiles keeps its generated message
 * classes package-private).
 *
 * <p>The geometry commands are written here rather than by tileverse's {@code LayerBuilder}: that
 * encoder clips every geometry crossing the tile edge with a JTS overlay and snap-rounds every
 * polygon with another (a {@code GeometryPrecisionReducer} union, whatever its settings say), which
 * was most of a tile's CPU, and writes exterior rings anticlockwise on screen, the opposite of what
 * MVT 2.1 §4.3.4.4 asks. Here, per ring: coordinates are moved to tile units and rounded, repeated
 * points dropped; a ring inside the tile plus its buffer is written as it is, one outside it is
 * dropped, one crossing its edge is clipped to the buffered square by Sutherland–Hodgman (JTS
 * {@link RingClipper}). A ring left with fewer than three distinct points or no area after
 * rounding is dropped (with its polygon for a shell), and rings are wound as MVT asks: exterior
 * rings positive by the surveyor's formula in tile coordinates (y down), interior rings negative.
 * A polygon with a ring crossing the edge is then checked in tile units and repaired when the
 * clipping left it invalid (edges along the buffer's edge; MVT 2.1 §4.3.4.4 forbids self-tangency).
 * The other polygons are not checked (it would more than double the CPU per tile): rounding leaves
 * about 0.2 % of them invalid (docs/ogc-api-tiles.md, Validity). Lines crossing the edge are clipped segment by segment (Liang–Barsky); points outside the
 * buffered square are dropped. Attribute values are typed as tileverse types them. No feature id is
 * written (the stable identifier is an attribute).
 */
final class MvtEncoder {

    // vector_tile.proto 2.1 field numbers.
    private static final int TILE_LAYERS = 3;
    private static final int LAYER_NAME = 1;
    private static final int LAYER_FEATURES = 2;
    private static final int LAYER_KEYS = 3;
    private static final int LAYER_VALUES = 4;
    private static final int LAYER_EXTENT = 5;
    private static final int LAYER_VERSION = 15;
    private static final int FEATURE_TAGS = 2;
    private static final int FEATURE_TYPE = 3;
    private static final int FEATURE_GEOMETRY = 4;
    private static final int POINT = 1;
    private static final int LINESTRING = 2;
    private static final int POLYGON = 3;

    private static final int MOVE_TO = 1;
    private static final int LINE_TO = 2;
    private static final int CLOSE_PATH = 7;
    /** Builds the polygons checked after clipping, in tile units. */
    private static final GeometryFactory UNITS = new GeometryFactory();

    private final double minX;
    private final double maxY;
    private final double scale;
    /** The tile plus its buffer, in tile units: [lo, hi] on both axes. */
    private final double lo;
    private final double hi;
    private final RingClipper clipper;
    private final String name;
    private final int extent;
    /** The layer's features as written so far (field 2 of the layer message, each with its tag). */
    private final ByteArrayOutputStream featureBytes = new ByteArrayOutputStream(16 * 1024);
    private final CodedOutputStream out = CodedOutputStream.newInstance(featureBytes, 4096);
    /** The layer's keys: the attributes asked for, a feature's tag i pointing at key i. */
    private final List<String> keys;
    private final Map<Object, Integer> values = new HashMap<>();
    private final List<Object> valueList = new ArrayList<>();
    private final int[] tags;
    private int features;

    // Reused buffers: the current ring or line (rounded tile units) and the feature's commands.
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int n;
    private double bMinX;
    private double bMinY;
    private double bMaxX;
    private double bMaxY;
    private int[] commands = new int[1024];
    private int size;
    private int cursorX;
    private int cursorY;
    /** A ring of the current polygon crossed the buffer's edge. */
    private boolean clipped;

    /**
     * @param keys the attributes a feature may have (null values are left out: MVT has no null)
     * @param tile the tile's envelope in EPSG:3857
     * @param extent tile units per side
     * @param buffer margin kept around the tile, in tile units
     */
    MvtEncoder(String name, List<String> keys, Envelope tile, int extent, int buffer) {
        this.keys = List.copyOf(keys);
        this.tags = new int[2 * keys.size()];
        this.minX = tile.getMinX();
        this.maxY = tile.getMaxY();
        this.scale = extent / tile.getWidth();
        this.lo = -buffer;
        this.hi = extent + (double) buffer;
        this.clipper = new RingClipper(new Envelope(lo, hi, lo, hi));
        this.name = name;
        this.extent = extent;
    }

    /** Features written so far. */
    int size() {
        return features;
    }

    /** The encoded tile (this one layer); empty bytes when no feature was written. */
    byte[] bytes() {
        if (features == 0) {
            return new byte[0];
        }
        try {
            out.flush();
            // The layer's fields in field-number order, as protobuf writers do: GDAL's MVT driver
            // recognises a tile by reading its first layer's name before its features.
            ByteArrayOutputStream head = new ByteArrayOutputStream(64);
            CodedOutputStream h = CodedOutputStream.newInstance(head, 64);
            h.writeString(LAYER_NAME, name);
            h.flush();
            ByteArrayOutputStream rest = new ByteArrayOutputStream(1024);
            CodedOutputStream r = CodedOutputStream.newInstance(rest);
            for (String k : keys) {
                r.writeString(LAYER_KEYS, k);
            }
            for (Object v : valueList) {
                writeValue(r, v);
            }
            r.writeUInt32(LAYER_EXTENT, extent);
            r.writeUInt32(LAYER_VERSION, 2);
            r.flush();
            int layerSize = head.size() + featureBytes.size() + rest.size();
            ByteArrayOutputStream tile = new ByteArrayOutputStream(layerSize + 8);
            CodedOutputStream t = CodedOutputStream.newInstance(tile, 16);
            t.writeTag(TILE_LAYERS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            t.writeUInt32NoTag(layerSize);
            t.flush();
            head.writeTo(tile);
            featureBytes.writeTo(tile);
            rest.writeTo(tile);
            return tile.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    /**
     * Adds a feature whose geometry (EPSG:3857) is clipped to the buffered tile; returns false when
     * nothing of it is left. A heterogeneous collection gives one feature per member.
     *
     * @param attributes the value of each key (null when absent), asked only when the feature is written
     */
    boolean add(Function<String, Object> attributes, Geometry web) {
        if (web.isEmpty()) {
            return false;
        }
        if (!(web instanceof Puntal || web instanceof Lineal || web instanceof Polygonal)) {
            boolean any = false;
            for (int i = 0; i < web.getNumGeometries(); i++) {
                any |= add(attributes, web.getGeometryN(i));
            }
            return any;
        }
        size = 0;
        cursorX = 0;
        cursorY = 0;
        int type;
        if (web instanceof Polygonal) {
            type = POLYGON;
            for (int i = 0; i < web.getNumGeometries(); i++) {
                polygon((Polygon) web.getGeometryN(i));
            }
        } else if (web instanceof Lineal) {
            type = LINESTRING;
            for (int i = 0; i < web.getNumGeometries(); i++) {
                line((LineString) web.getGeometryN(i));
            }
        } else {
            type = POINT;
            points(web);
        }
        if (size == 0) {
            return false;
        }
        int tagCount = 0;
        for (int k = 0; k < keys.size(); k++) {
            Object v = attributes.apply(keys.get(k));
            if (v == null) {
                continue;
            }
            Integer index = values.get(v);
            if (index == null) {
                index = valueList.size();
                values.put(v, index);
                valueList.add(v);
            }
            tags[tagCount++] = k;
            tags[tagCount++] = index;
        }
        writeFeature(type, tagCount);
        features++;
        return true;
    }

    private void writeFeature(int type, int tagCount) {
        int tagsSize = packedSize(tags, tagCount);
        int geometrySize = packedSize(commands, size);
        int featureSize = CodedOutputStream.computeEnumSize(FEATURE_TYPE, type)
                + CodedOutputStream.computeTagSize(FEATURE_GEOMETRY) + CodedOutputStream.computeUInt32SizeNoTag(geometrySize)
                + geometrySize;
        if (tagCount > 0) {
            featureSize += CodedOutputStream.computeTagSize(FEATURE_TAGS) + CodedOutputStream.computeUInt32SizeNoTag(tagsSize)
                    + tagsSize;
        }
        try {
            out.writeTag(LAYER_FEATURES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(featureSize);
            if (tagCount > 0) {
                writePacked(FEATURE_TAGS, tags, tagCount, tagsSize);
            }
            out.writeEnum(FEATURE_TYPE, type);
            writePacked(FEATURE_GEOMETRY, commands, size, geometrySize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int packedSize(int[] ints, int count) {
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += CodedOutputStream.computeUInt32SizeNoTag(ints[i]);
        }
        return bytes;
    }

    private void writePacked(int field, int[] ints, int count, int bytes) throws IOException {
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(bytes);
        for (int i = 0; i < count; i++) {
            out.writeUInt32NoTag(ints[i]);
        }
    }

    // ------------------------------------------------------------------ polygons

    private void polygon(Polygon p) {
        int start = size;
        int startX = cursorX;
        int startY = cursorY;
        clipped = false;
        writePolygon(p);
        if (clipped && size > start) {
            // MVT 2.1 §4.3.4.4 forbids self-tangency: Sutherland–Hodgman joins the parts of a polygon
            // crossing the buffer's edge more than once by edges running along that edge. Only such
            // polygons are checked (checking all would more than double the CPU per tile).
            Polygon units = tileUnits(p);
            if (units != null && !units.isValid()) {
                size = start;
                cursorX = startX;
                cursorY = startY;
                Geometry fixed = GeometryFixer.fix(units);
                for (int i = 0; i < fixed.getNumGeometries(); i++) {
                    if (fixed.getGeometryN(i) instanceof Polygon part) {
                        writePolygonInTileUnits(part);
                    }
                }
            }
        }
    }

    /** The polygon's rings, moved to tile units, clipped and rounded (what {@link #clippedRing} reads). */
    private void writePolygon(Polygon p) {
        writeRings(p, this::clippedRing);
    }

    /** A repaired polygon already in tile units, rounded again (the repair may add points between units). */
    private void writePolygonInTileUnits(Polygon p) {
        writeRings(p, this::readUnits);
    }

    /** Shell then holes, each read into the buffer by {@code reader} (false: ring dropped) and wound as MVT asks. */
    private void writeRings(Polygon p, java.util.function.Predicate<CoordinateSequence> reader) {
        int start = size;
        int startX = cursorX;
        int startY = cursorY;
        long shell = emit(reader.test(p.getExteriorRing().getCoordinateSequence()), true);
        if (shell == 0) {
            return;
        }
        long holes = 0;
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            holes += emit(reader.test(p.getInteriorRingN(h).getCoordinateSequence()), false);
        }
        if (shell - holes <= 0) {
            // Holes covering all that is left of the shell (the tile inside a hole): nothing to draw.
            size = start;
            cursorX = startX;
            cursorY = startY;
        }
    }

    /** The polygon as {@link #writePolygon} draws it, as a JTS polygon in tile units; null when its shell is dropped. */
    private Polygon tileUnits(Polygon p) {
        LinearRing shell = unitsRing(p.getExteriorRing().getCoordinateSequence());
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            LinearRing hole = unitsRing(p.getInteriorRingN(h).getCoordinateSequence());
            if (hole != null) {
                holes.add(hole);
            }
        }
        return UNITS.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private LinearRing unitsRing(CoordinateSequence seq) {
        if (!clippedRing(seq) || signedArea2() == 0) {
            return null;
        }
        Coordinate[] c = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            c[k] = new Coordinate(xs[k], ys[k]);
        }
        c[n] = c[0];
        return UNITS.createLinearRing(c);
    }

    /** Reads a ring in tile units (rounded, repeats and closing point dropped); false when fewer than 3 points remain. */
    private boolean readUnits(CoordinateSequence seq) {
        n = 0;
        for (int i = 0, count = seq.size(); i < count; i++) {
            append(Math.rint(seq.getX(i)), Math.rint(seq.getY(i)));
        }
        dropClosingPoint();
        return n >= 3;
    }

    /** Reads a ring into the buffer in tile units, clipped to the buffered square; false when it is dropped. */
    private boolean clippedRing(CoordinateSequence seq) {
        read(seq);
        dropClosingPoint();
        if (n < 3 || outside()) {
            return false;
        }
        if (!inside()) {
            clipRing();
            clipped = true;
            return n >= 3;
        }
        return true;
    }

    /** Writes the buffer's ring wound as MVT asks; returns twice its area, 0 when it has none (or {@code keep} is false). */
    private long emit(boolean keep, boolean exterior) {
        if (!keep) {
            return 0;
        }
        long area2 = signedArea2();
        if (area2 == 0) {
            return 0;
        }
        boolean reverse = exterior ? area2 < 0 : area2 > 0;
        moveTo(0);
        lineTo(n - 1);
        for (int k = 1; k < n; k++) {
            point(reverse ? n - k : k);
        }
        command(CLOSE_PATH, 1);
        return Math.abs(area2);
    }

    /** Sutherland–Hodgman on the buffered square; the ring is rounded again and its repeats dropped. */
    private void clipRing() {
        Coordinate[] pts = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            pts[k] = new Coordinate(xs[k], ys[k]);
        }
        pts[n] = pts[0];
        Coordinate[] clipped = clipper.clip(pts);
        n = 0;
        for (Coordinate c : clipped) {
            append(Math.rint(c.x), Math.rint(c.y));
        }
        if (n > 1 && xs[0] == xs[n - 1] && ys[0] == ys[n - 1]) {
            n--;
        }
    }

    /** Twice the signed area of the current ring by the surveyor's formula (y down: exterior rings positive). */
    private long signedArea2() {
        long sum = 0;
        for (int k = 0; k < n; k++) {
            int j = k + 1 == n ? 0 : k + 1;
            sum += (long) xs[k] * (long) ys[j] - (long) xs[j] * (long) ys[k];
        }
        return sum;
    }

    // ------------------------------------------------------------------ lines

    private void line(LineString line) {
        read(line.getCoordinateSequence());
        if (n < 2 || outside()) {
            return;
        }
        if (inside()) {
            writeLine(xs, ys, n);
            return;
        }
        // Liang–Barsky per segment; consecutive visible pieces form one part.
        double[] px = new double[n + 1];
        double[] py = new double[n + 1];
        int m = 0;
        for (int k = 0; k + 1 < n; k++) {
            double[] t = clipSegment(xs[k], ys[k], xs[k + 1], ys[k + 1]);
            if (t == null) {
                continue;
            }
            double ax = xs[k] + t[0] * (xs[k + 1] - xs[k]);
            double ay = ys[k] + t[0] * (ys[k + 1] - ys[k]);
            if (m == 0 || t[0] > 0) {
                writePart(px, py, m);
                m = 0;
                px[m] = ax;
                py[m++] = ay;
            }
            px[m] = xs[k] + t[1] * (xs[k + 1] - xs[k]);
            py[m++] = ys[k] + t[1] * (ys[k + 1] - ys[k]);
            if (t[1] < 1) {
                writePart(px, py, m);
                m = 0;
            }
        }
        writePart(px, py, m);
    }

    /** The parameters [t0, t1] of the segment's part inside the buffered square, or null. */
    private double[] clipSegment(double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] t = {0, 1};
        return edge(-dx, x0 - lo, t) && edge(dx, hi - x0, t) && edge(-dy, y0 - lo, t) && edge(dy, hi - y0, t)
                && t[0] <= t[1] ? t : null;
    }

    private static boolean edge(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    /** A clipped part: rounded, repeats dropped, written when two distinct points are left. */
    private void writePart(double[] px, double[] py, int m) {
        if (m < 2) {
            return;
        }
        double[] rx = new double[m];
        double[] ry = new double[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            double x = Math.rint(px[i]);
            double y = Math.rint(py[i]);
            if (k > 0 && x == rx[k - 1] && y == ry[k - 1]) {
                continue;
            }
            rx[k] = x;
            ry[k++] = y;
        }
        writeLine(rx, ry, k);
    }

    private void writeLine(double[] lx, double[] ly, int count) {
        if (count < 2) {
            return;
        }
        command(MOVE_TO, 1);
        delta(lx[0], ly[0]);
        command(LINE_TO, count - 1);
        for (int k = 1; k < count; k++) {
            delta(lx[k], ly[k]);
        }
    }

    // ------------------------------------------------------------------ points

    private void points(Geometry g) {
        n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Point p = (Point) g.getGeometryN(i);
            if (p.isEmpty()) {
                continue;
            }
            double x = Math.rint((p.getX() - minX) * scale);
            double y = Math.rint((maxY - p.getY()) * scale);
            if (x >= lo && x <= hi && y >= lo && y <= hi) {
                grow();
                xs[n] = x;
                ys[n++] = y;
            }
        }
        if (n == 0) {
            return;
        }
        command(MOVE_TO, n);
        for (int k = 0; k < n; k++) {
            delta(xs[k], ys[k]);
        }
    }

    // ------------------------------------------------------------------ shared

    /** Reads a coordinate sequence into the buffer in rounded tile units, without repeated points. */
    private void read(CoordinateSequence seq) {
        n = 0;
        bMinX = Double.POSITIVE_INFINITY;
        bMinY = Double.POSITIVE_INFINITY;
        bMaxX = Double.NEGATIVE_INFINITY;
        bMaxY = Double.NEGATIVE_INFINITY;
        for (int i = 0, count = seq.size(); i < count; i++) {
            append(Math.rint((seq.getX(i) - minX) * scale), Math.rint((maxY - seq.getY(i)) * scale));
        }
    }

    /** The closing point of the ring in the buffer: ClosePath draws it. */
    private void dropClosingPoint() {
        if (n > 1 && xs[0] == xs[n - 1] && ys[0] == ys[n - 1]) {
            n--;
        }
    }

    private void append(double x, double y) {
        if (n > 0 && x == xs[n - 1] && y == ys[n - 1]) {
            return;
        }
        grow();
        xs[n] = x;
        ys[n++] = y;
        bMinX = Math.min(bMinX, x);
        bMinY = Math.min(bMinY, y);
        bMaxX = Math.max(bMaxX, x);
        bMaxY = Math.max(bMaxY, y);
    }

    private void grow() {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, 2 * n);
            ys = Arrays.copyOf(ys, 2 * n);
        }
    }

    /** The buffer's points all lie in the buffered square. */
    private boolean inside() {
        return bMinX >= lo && bMaxX <= hi && bMinY >= lo && bMaxY <= hi;
    }

    /** The buffer's bounding box misses the buffered square. */
    private boolean outside() {
        return bMaxX < lo || bMinX > hi || bMaxY < lo || bMinY > hi;
    }

    private void moveTo(int k) {
        command(MOVE_TO, 1);
        point(k);
    }

    private void lineTo(int count) {
        command(LINE_TO, count);
    }

    private void point(int k) {
        delta(xs[k], ys[k]);
    }

    private void delta(double x, double y) {
        int ix = (int) x;
        int iy = (int) y;
        param(ix - cursorX);
        param(iy - cursorY);
        cursorX = ix;
        cursorY = iy;
    }

    private void command(int id, int count) {
        put((count << 3) | id);
    }

    private void param(int v) {
        put((v << 1) ^ (v >> 31)); // zigzag
    }

    private void put(int v) {
        if (size == commands.length) {
            commands = Arrays.copyOf(commands, 2 * size);
        }
        commands[size++] = v;
    }

    /** An attribute value (field 4 of the layer), typed as tileverse's LayerBuilder types it, so readers see the same types. */
    private static void writeValue(CodedOutputStream r, Object v) throws IOException {
        // vector_tile.proto Value: 1 string, 2 float, 3 double, 6 sint64, 7 bool.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        CodedOutputStream m = CodedOutputStream.newInstance(bytes, 32);
        if (v instanceof String s) {
            m.writeString(1, s);
        } else if (v instanceof Integer i) {
            m.writeSInt64(6, i);
        } else if (v instanceof Long l) {
            m.writeSInt64(6, l);
        } else if (v instanceof Float f) {
            m.writeFloat(2, f);
        } else if (v instanceof Double d) {
            m.writeDouble(3, d);
        } else if (v instanceof BigDecimal d) {
            m.writeString(1, d.toString());
        } else if (v instanceof Number num) {
            m.writeDouble(3, num.doubleValue());
        } else if (v instanceof Boolean b) {
            m.writeBool(7, b);
        } else {
            m.writeString(1, v.toString());
        }
        m.flush();
        r.writeByteArray(LAYER_VALUES, bytes.toByteArray());
    }
}
