package fr.carence.ogc.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Puts polygon rings of an encoded tile in the winding MVT 2.1 requires (§4.3.4.4: exterior
 * rings positive by the surveyor's formula in tile coordinates, y down; interior rings negative).
 * tileverse-vectortiles 1.1.0 writes them the other way round (its clipping overlay orients
 * shells for a y-up plane), which OpenLayers and GDAL read as holes. Rings are classified as
 * that library writes them (the first ring of a feature is an exterior; rings of its sign are
 * exteriors), and a feature whose first ring is negative has all its rings reversed. A tile
 * already in the right winding is returned unchanged, so a fixed library makes this a no-op.
 *
 * <p>Works on the protobuf (vector_tile.proto 2.1): every field is copied as read except the
 * geometry of polygon features.
 */
final class MvtWinding {

    private static final int LAYERS = 3;
    private static final int LAYER_FEATURES = 2;
    private static final int FEATURE_TYPE = 3;
    private static final int FEATURE_GEOMETRY = 4;
    private static final int POLYGON = 3;
    private static final int MOVE_TO = 1;
    private static final int LINE_TO = 2;
    private static final int CLOSE_PATH = 7;

    private MvtWinding() {
    }

    static byte[] fix(byte[] tile) {
        return rewrite(tile, (LAYERS << 3) | 2, layer -> rewrite(layer, (LAYER_FEATURES << 3) | 2, MvtWinding::feature));
    }

    private static byte[] feature(byte[] feature) {
        In scan = new In(feature);
        long type = 0;
        while (scan.more()) {
            long key = scan.varint();
            if (key == (FEATURE_TYPE << 3)) {
                type = scan.varint();
            } else {
                scan.skip(key);
            }
        }
        return type == POLYGON ? rewrite(feature, (FEATURE_GEOMETRY << 3) | 2, MvtWinding::polygonGeometry) : feature;
    }

    /** The message with every length-delimited field of the given key replaced by {@code change} of its bytes. */
    private static byte[] rewrite(byte[] message, long key, UnaryOperator<byte[]> change) {
        Out out = new Out();
        In in = new In(message);
        while (in.more()) {
            long k = in.varint();
            if (k == key) {
                out.field(k, change.apply(in.bytes()));
            } else {
                out.copy(k, in);
            }
        }
        return out.bytes();
    }

    /** The packed command stream, with every ring reversed when the first ring is negative. */
    private static byte[] polygonGeometry(byte[] packed) {
        In in = new In(packed);
        List<long[]> rings = new ArrayList<>();
        List<Long> ring = new ArrayList<>();
        long x = 0;
        long y = 0;
        while (in.more()) {
            long header = in.varint();
            long id = header & 7;
            long count = header >>> 3;
            if (id == CLOSE_PATH) {
                rings.add(ring.stream().mapToLong(Long::longValue).toArray());
                ring = new ArrayList<>();
                continue;
            }
            for (long c = 0; c < count; c++) {
                x += zigzagDecode(in.varint());
                y += zigzagDecode(in.varint());
                ring.add(x);
                ring.add(y);
            }
        }
        if (!ring.isEmpty() || rings.isEmpty() || signedArea2(rings.get(0)) >= 0) {
            return packed; // unexpected stream, or already as the specification asks
        }
        Out out = new Out();
        x = 0;
        y = 0;
        for (long[] r : rings) {
            int n = r.length / 2;
            // p0 stays first; the others in reverse order.
            long[] rev = new long[r.length];
            rev[0] = r[0];
            rev[1] = r[1];
            for (int k = 1; k < n; k++) {
                rev[2 * k] = r[2 * (n - k)];
                rev[2 * k + 1] = r[2 * (n - k) + 1];
            }
            out.varint(command(MOVE_TO, 1));
            out.varint(zigzagEncode(rev[0] - x));
            out.varint(zigzagEncode(rev[1] - y));
            x = rev[0];
            y = rev[1];
            out.varint(command(LINE_TO, n - 1));
            for (int k = 1; k < n; k++) {
                out.varint(zigzagEncode(rev[2 * k] - x));
                out.varint(zigzagEncode(rev[2 * k + 1] - y));
                x = rev[2 * k];
                y = rev[2 * k + 1];
            }
            out.varint(command(CLOSE_PATH, 1));
        }
        return out.bytes();
    }

    /** Twice the signed area (surveyor's formula) of a ring of x, y pairs, in tile coordinates. */
    static long signedArea2(long[] ring) {
        long sum = 0;
        int n = ring.length / 2;
        for (int k = 0; k < n; k++) {
            int j = (k + 1) % n;
            sum += ring[2 * k] * ring[2 * j + 1] - ring[2 * j] * ring[2 * k + 1];
        }
        return sum;
    }

    private static long command(int id, int count) {
        return ((long) count << 3) | id;
    }

    private static long zigzagDecode(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static long zigzagEncode(long v) {
        return ((v << 1) ^ (v >> 63)) & 0xFFFFFFFFL;
    }

    /** Protobuf reader over one message. */
    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        boolean more() {
            return pos < buf.length;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[pos++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
        }

        byte[] bytes() {
            int len = (int) varint();
            byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return out;
        }

        /** Skips the value of a field; returns its raw bytes (without the key). */
        byte[] skip(long key) {
            int start = pos;
            switch ((int) (key & 7)) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int len = (int) varint();
                    pos += len;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalStateException("MVT: type de champ protobuf inattendu " + (key & 7));
            }
            return Arrays.copyOfRange(buf, start, pos);
        }
    }

    /** Protobuf writer. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                bytes.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }

        void field(long key, byte[] value) {
            varint(key);
            varint(value.length);
            bytes.writeBytes(value);
        }

        void copy(long key, In in) {
            varint(key);
            bytes.writeBytes(in.skip(key));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
