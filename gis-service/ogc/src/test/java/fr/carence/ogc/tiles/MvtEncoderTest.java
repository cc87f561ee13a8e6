package fr.carence.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tileverse.vectortile.model.VectorTile;
import io.tileverse.vectortile.mvt.VectorTileCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.WKTReader;

/**
 * The encoder's clipping, rounding and winding, on geometries written in tile units (y down) and
 * moved to a tile whose EPSG:3857 envelope is 0..4096 on both axes, so a tile unit is one metre.
 * Tiles are read back with tileverse's decoder (geometry in tile units) and at the protobuf level.
 */
class MvtEncoderTest {

    private static final Envelope TILE = new Envelope(0, 4096, 0, 4096);
    private static final int BUFFER = 64;
    /** The tile grown by its buffer, in tile units. */
    private static final Geometry BUFFERED = new GeometryFactory().toGeometry(new Envelope(-64, 4160, -64, 4160));

    @Test
    void aPolygonInsideTheTileIsWrittenUntouched() throws Exception {
        Geometry in = tileUnits("POLYGON ((100 100, 300 100, 300 250, 100 250, 100 100), (150 150, 200 150, 200 200, 150 150))");
        Geometry out = single(encode(in));
        assertThat(out.norm().equalsExact(in.norm())).as(out.toText()).isTrue();
    }

    @Test
    void aPolygonCrossingTheTileEdgeKeepsExactlyItsPartWithinTheBuffer() throws Exception {
        Geometry in = tileUnits("POLYGON ((-1000 -1000, 2000 -1000, 2500 2000, -1000 2000, -1000 -1000))");
        Geometry out = single(encode(in));
        Geometry expected = in.intersection(BUFFERED);
        assertThat(out.getEnvelopeInternal()).isEqualTo(new Envelope(-64, 2500, -64, 2000));
        assertThat(out.getArea()).isCloseTo(expected.getArea(), within(1.0)); // the edge crosses the buffer at a whole unit
        assertThat(out.symDifference(expected).getArea()).isLessThan(1.0);
    }

    @Test
    void aPolygonCoveringTheWholeTileBecomesTheBufferedSquare() throws Exception {
        Geometry out = single(encode(tileUnits("POLYGON ((-90000 -90000, 90000 -90000, 90000 90000, -90000 90000, -90000 -90000))")));
        assertThat(out.norm().equalsExact(BUFFERED.norm())).as(out.toText()).isTrue();
        assertThat(out.getNumPoints()).isEqualTo(5);
    }

    @Test
    void holesAreKeptClippedOrDroppedWithTheirShell() throws Exception {
        Geometry in = tileUnits("POLYGON ((-9000 -9000, 9000 -9000, 9000 9000, -9000 9000, -9000 -9000),"
                + " (1000 1000, 1000 2000, 2000 2000, 2000 1000, 1000 1000),"   // inside: kept
                + " (4000 1000, 4000 1500, 5000 1500, 5000 1000, 4000 1000),"   // across the edge: clipped
                + " (6000 6000, 6000 7000, 7000 7000, 7000 6000, 6000 6000))"); // beyond the buffer: dropped
        Polygon out = (Polygon) single(encode(in));
        // The hole across the edge, clipped, touches the clipped shell along the buffer's edge: the
        // polygon is repaired (MVT 2.1 §4.3.4.4, no self-tangency) and that hole becomes a notch in the shell.
        assertThat(out.isValid()).isTrue();
        assertThat(out.getNumInteriorRing()).isEqualTo(1);
        assertThat(out.getArea()).isEqualTo(4224.0 * 4224 - 1000.0 * 1000 - 160.0 * 500);
        assertThat(out.getInteriorRingN(0).getEnvelopeInternal()).isEqualTo(new Envelope(1000, 2000, 1000, 2000));
        assertThat(out.getExteriorRing().getCoordinates()).contains(new Coordinate(4000, 1000), new Coordinate(4000, 1500));
        // Rings as MVT 2.1 §4.3.4.4 asks: exterior positive, interior negative (surveyor's formula, y down).
        List<long[]> rings = RawMvt.polygons(encode(in)).get(0).rings();
        assertThat(rings).hasSize(2);
        assertThat(RawMvt.signedArea2(rings.get(0))).isEqualTo(2L * 4224 * 4224 - 2L * 160 * 500);
        assertThat(RawMvt.signedArea2(rings.get(1))).isEqualTo(-2L * 1000 * 1000);
    }

    @Test
    void aPolygonLeavingTheBufferTwiceBecomesTwoValidPolygons() throws Exception {
        // A "C" opening to the left whose back lies beyond the buffer (x > 4160): clipping alone would
        // join its two arms by edges running up and down the buffer's edge (self-tangent, MVT 2.1 §4.3.4.4).
        Geometry in = tileUnits("POLYGON ((3000 1000, 6000 1000, 6000 3000, 3000 3000, 3000 2500, 5000 2500,"
                + " 5000 1500, 3000 1500, 3000 1000))");
        Geometry out = single(encode(in));
        assertThat(out.isValid()).as(out.toText()).isTrue();
        assertThat(out.getNumGeometries()).isEqualTo(2);
        assertThat(out.getArea()).isEqualTo(2 * 1160.0 * 500);
        // One feature, two exterior rings (positive by the surveyor's formula, y down).
        assertThat(RawMvt.polygons(encode(in))).hasSize(1);
        assertThat(RawMvt.polygons(encode(in)).get(0).rings()).hasSize(2).allMatch(r -> RawMvt.signedArea2(r) == 2L * 1160 * 500);
    }

    @Test
    void aHoleClippedOnlyInsideTheBufferStaysAHole() throws Exception {
        Geometry in = tileUnits("POLYGON ((-9000 -9000, 9000 -9000, 9000 9000, -9000 9000, -9000 -9000),"
                + " (4000 1000, 4000 1500, 4100 1500, 4100 1000, 4000 1000))"); // in the buffer, not crossing its edge
        Polygon out = (Polygon) single(encode(in));
        assertThat(out.getNumInteriorRing()).isEqualTo(1);
        assertThat(out.getArea()).isEqualTo(4224.0 * 4224 - 100.0 * 500);
    }

    @Test
    void ringsAreWoundAsTheSpecificationAsksWhateverTheirInputOrder() throws Exception {
        Geometry clockwise = tileUnits("POLYGON ((10 10, 10 90, 90 90, 90 10, 10 10), (20 20, 40 20, 40 40, 20 20))");
        Geometry reversed = clockwise.reverse();
        for (Geometry in : List.of(clockwise, reversed)) {
            List<long[]> rings = RawMvt.polygons(encode(in)).get(0).rings();
            assertThat(RawMvt.signedArea2(rings.get(0))).as(in.toText()).isEqualTo(2L * 80 * 80);
            assertThat(RawMvt.signedArea2(rings.get(1))).as(in.toText()).isEqualTo(-2L * 20 * 20 / 2);
        }
    }

    @Test
    void whatCollapsesWhenRoundedOrLiesBeyondTheBufferIsNotWritten() throws Exception {
        // Less than a tile unit across: one point once rounded.
        assertThat(encode(tileUnits("POLYGON ((10.1 10.1, 10.3 10.1, 10.3 10.3, 10.1 10.3, 10.1 10.1))"))).isEmpty();
        // A sliver thinner than half a unit: a line once rounded, no area.
        assertThat(encode(tileUnits("POLYGON ((10 10, 500 10, 500 10.2, 10 10.2, 10 10))"))).isEmpty();
        // Beyond the buffer.
        assertThat(encode(tileUnits("POLYGON ((4200 10, 4300 10, 4300 90, 4200 90, 4200 10))"))).isEmpty();
        // The tile inside a hole: shell and hole both clip to the buffered square, nothing is left.
        assertThat(encode(tileUnits("POLYGON ((-9000 -9000, 9000 -9000, 9000 9000, -9000 9000, -9000 -9000),"
                + " (-5000 -5000, -5000 5000, 5000 5000, 5000 -5000, -5000 -5000))"))).isEmpty();
        // A collapsed hole is dropped, its shell kept.
        Polygon kept = (Polygon) single(encode(tileUnits(
                "POLYGON ((10 10, 90 10, 90 90, 10 90, 10 10), (50 50, 50.2 50, 50.2 50.2, 50 50))")));
        assertThat(kept.getNumInteriorRing()).isZero();
    }

    @Test
    void linesAreClippedAtTheBufferAndPointsBeyondItDropped() throws Exception {
        Geometry line = single(encode(tileUnits("LINESTRING (-500 100, 2000 100, 2000 5000, 3000 5000, 3000 3000)")));
        assertThat(line.norm().equalsExact(tileUnits(
                "MULTILINESTRING ((-64 100, 2000 100, 2000 4160), (3000 4160, 3000 3000))").norm())).as(line.toText()).isTrue();
        Geometry points = single(encode(tileUnits("MULTIPOINT ((10 10), (5000 5000), (4100.4 -30.6))")));
        assertThat(points.norm().equalsExact(tileUnits("MULTIPOINT ((10 10), (4100 -31))").norm())).as(points.toText()).isTrue();
    }

    @Test
    void attributesKeepTheirTypesAndValuesAreShared() throws Exception {
        MvtEncoder encoder = new MvtEncoder("couche", List.of("nom", "population", "score", "carence", "absent"), TILE,
                4096, BUFFER);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("nom", "Rodez");
        a.put("population", 24_000);
        a.put("score", 12.5);
        a.put("carence", true);
        Map<String, Object> b = new LinkedHashMap<>(a);
        b.put("nom", "Millau");
        assertThat(encoder.add(a::get, toWeb(tileUnits("POINT (10 10)")))).isTrue();
        assertThat(encoder.add(b::get, toWeb(tileUnits("POINT (20 20)")))).isTrue();
        byte[] bytes = encoder.bytes();
        // Layer (field 3), its length (a varint), then its name (field 1) before its features:
        // GDAL's MVT driver recognises a tile by finding the name in its first bytes.
        assertThat(bytes[0]).isEqualTo((byte) 0x1A);
        int afterLength = 1;
        while ((bytes[afterLength] & 0x80) != 0) {
            afterLength++;
        }
        assertThat(bytes[afterLength + 1]).isEqualTo((byte) 0x0A);
        VectorTile tile = new VectorTileCodec().decode(bytes);
        List<VectorTile.Layer.Feature> features = tile.getFeatures().toList();
        assertThat(features).extracting(f -> f.getLayer().getName()).containsOnly("couche");
        // A null value is an absent key (MVT has no null).
        assertThat(features.get(0).getAttributes()).containsOnlyKeys("nom", "population", "score", "carence")
                .containsEntry("nom", "Rodez").containsEntry("score", 12.5).containsEntry("carence", true);
        assertThat(((Number) features.get(1).getAttribute("population")).intValue()).isEqualTo(24_000);
        assertThat(features.get(1).getAttribute("nom")).isEqualTo("Millau");
        assertThat(features.get(0).getLayer().getExtent()).isEqualTo(4096);
    }

    // -------------------------------------------------------------------- helpers

    /** A geometry written in tile units (y down). */
    private static Geometry tileUnits(String wkt) throws Exception {
        return new WKTReader().read(wkt);
    }

    /** Tile units to the test tile's EPSG:3857 metres (y up). */
    private static Geometry toWeb(Geometry tileUnits) {
        Geometry g = tileUnits.copy();
        g.apply(new AffineTransformation(1, 0, 0, 0, -1, 4096));
        g.geometryChanged();
        return g;
    }

    private static byte[] encode(Geometry tileUnits) {
        MvtEncoder encoder = new MvtEncoder("t", List.of("id"), TILE, 4096, BUFFER);
        boolean written = encoder.add(Map.of("id", "a")::get, toWeb(tileUnits));
        byte[] bytes = encoder.bytes();
        assertThat(written).isEqualTo(bytes.length > 0);
        return bytes;
    }

    /** The one feature's geometry, in tile units as tileverse decodes it. */
    private static Geometry single(byte[] mvt) throws Exception {
        List<VectorTile.Layer.Feature> features = new VectorTileCodec().decode(mvt).getFeatures().toList();
        assertThat(features).hasSize(1);
        return features.get(0).getGeometry();
    }
}
