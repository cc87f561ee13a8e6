package fr.carence.ogc.tiles;

import java.util.ArrayList;
import java.util.List;

/**
 * A protobuf-level reading of an MVT tile (vector_tile.proto 2.1), independent of the encoder
 * library: the command stream of each polygon feature turned into rings of tile coordinates,
 * to check what the library's own decoder would normalise away (ring winding).
 */
final class RawMvt {

    /** One polygon feature's rings, as integer tile coordinates (x, y alternating), first point not repeated. */
    record PolygonFeature(String layer, List<long[]> rings) {
    }

    private final byte[] buf;
    private int pos;

    private RawMvt(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    static List<PolygonFeature> polygons(byte[] tile) {
        List<PolygonFeature> out = new ArrayList<>();
        RawMvt r = new RawMvt(tile, 0);
        while (r.pos < tile.length) {
            long key = r.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                byte[] layer = r.bytes();
                readLayer(layer, out);
            } else {
                r.skip(key);
            }
        }
        return out;
    }

    private static void readLayer(byte[] layer, List<PolygonFeature> out) {
        RawMvt r = new RawMvt(layer, 0);
        String name = null;
        List<byte[]> features = new ArrayList<>();
        while (r.pos < layer.length) {
            long key = r.varint();
            if (key >>> 3 == 1 && (key & 7) == 2) {
                name = new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            } else if (key >>> 3 == 2 && (key & 7) == 2) {
                features.add(r.bytes());
            } else {
                r.skip(key);
            }
        }
        for (byte[] f : features) {
            RawMvt fr = new RawMvt(f, 0);
            long type = 0;
            List<Long> geometry = new ArrayList<>();
            while (fr.pos < f.length) {
                long key = fr.varint();
                if (key >>> 3 == 3 && (key & 7) == 0) {
                    type = fr.varint();
                } else if (key >>> 3 == 4 && (key & 7) == 2) {
                    RawMvt g = new RawMvt(fr.bytes(), 0);
                    while (g.pos < g.buf.length) {
                        geometry.add(g.varint());
                    }
                } else {
                    fr.skip(key);
                }
            }
            if (type == 3) {
                out.add(new PolygonFeature(name, rings(geometry)));
            }
        }
    }

    /** MoveTo / LineTo / ClosePath commands with zig-zag deltas into rings. */
    private static List<long[]> rings(List<Long> commands) {
        List<long[]> rings = new ArrayList<>();
        List<Long> ring = new ArrayList<>();
        long x = 0;
        long y = 0;
        int i = 0;
        while (i < commands.size()) {
            long header = commands.get(i++);
            long id = header & 7;
            long count = header >>> 3;
            if (id == 7) {
                rings.add(ring.stream().mapToLong(Long::longValue).toArray());
                ring = new ArrayList<>();
                continue;
            }
            for (int c = 0; c < count; c++) {
                x += zigzag(commands.get(i++));
                y += zigzag(commands.get(i++));
                ring.add(x);
                ring.add(y);
            }
        }
        return rings;
    }

    /**
     * Twice the signed area (surveyor's formula) of a ring of x, y pairs in tile coordinates:
     * positive for an exterior ring of MVT 2.1 (§4.3.4.4), negative for an interior one.
     */
    static long signedArea2(long[] ring) {
        long sum = 0;
        int count = ring.length / 2;
        for (int k = 0; k < count; k++) {
            int j = (k + 1) % count;
            sum += ring[2 * k] * ring[2 * j + 1] - ring[2 * j] * ring[2 * k + 1];
        }
        return sum;
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private long varint() {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private byte[] bytes() {
        int len = (int) varint();
        byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    private void skip(long key) {
        switch ((int) (key & 7)) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int len = (int) varint(); // read before moving pos: "pos += varint()" would use the old pos
                pos += len;
            }
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + (key & 7));
        }
    }
}
