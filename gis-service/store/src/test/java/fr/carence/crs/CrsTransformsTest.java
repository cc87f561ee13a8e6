package fr.carence.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Reference values computed with PROJ (GDAL 3.6 {@code gdaltransform -s_srs OGC:CRS84}), which
 * PostGIS and H2GIS agree with.
 */
class CrsTransformsTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void parisInLambert93() {
        double[] xy = CrsTransforms.transform(2.3522, 48.8566, 4326, 2154);
        assertThat(xy[0]).isCloseTo(652_469.0227, within(0.01));
        assertThat(xy[1]).isCloseTo(6_862_035.2594, within(0.01));
        double[] back = CrsTransforms.transform(xy[0], xy[1], 2154, 4326);
        assertThat(back[0]).isCloseTo(2.3522, within(1e-9));
        assertThat(back[1]).isCloseTo(48.8566, within(1e-9));
    }

    /**
     * Each thread keeps its own proj4j transform per CRS pair (they hold per-call state): many
     * threads transforming at once get exactly what one thread gets.
     */
    @Test
    void concurrentTransformsGiveTheSameCoordinatesAsOneThread() throws Exception {
        double[][] lambert = new double[2000][];
        for (int i = 0; i < lambert.length; i++) {
            lambert[i] = new double[] {150_000 + 500.5 * i, 6_100_000 + 480.25 * i};
        }
        double[][] expected = new double[lambert.length][];
        for (int i = 0; i < lambert.length; i++) {
            expected[i] = CrsTransforms.transform(lambert[i][0], lambert[i][1], 2154, i % 2 == 0 ? 4326 : 3857);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    double[][] out = new double[lambert.length][];
                    for (int i = 0; i < lambert.length; i++) {
                        out[i] = CrsTransforms.transform(lambert[i][0], lambert[i][1], 2154, i % 2 == 0 ? 4326 : 3857);
                    }
                    return out;
                }));
            }
            for (Future<double[][]> run : runs) {
                assertThat(run.get()).isDeepEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Saint-Denis (Réunion), 55.4481, -20.8789, 2975, 338568.315, 7690475.437",
            "Fort-de-France (Martinique), -61.0588, 14.6161, 5490, 709096.316, 1616759.733",
            "Cayenne (Guyane), -52.3260, 4.9372, 2972, 352980.205, 545868.922",
            "Mamoudzou (Mayotte), 45.2279, -12.7806, 4471, 524735.375, 8587115.812",
    })
    void overseasLegalCrsMatchProj(String place, double lon, double lat, int epsg, double x, double y) {
        assertThat(CrsTransforms.isKnown(epsg)).as(place).isTrue();
        double[] xy = CrsTransforms.transform(lon, lat, 4326, epsg);
        assertThat(xy[0]).as(place).isCloseTo(x, within(0.01));
        assertThat(xy[1]).as(place).isCloseTo(y, within(0.01));
    }

    @Test
    void reunionPointRoundTripsThroughTheStorageCrs() {
        // Overseas geometries are stored in Lambert-93 (docs/layers.md): far outside its domain,
        // but the projection must still invert exactly so nothing is lost.
        Point p = GF.createPoint(new Coordinate(55.4481, -20.8789));
        Geometry stored = CrsTransforms.transform(p, 4326, 2154);
        assertThat(stored.getSRID()).isEqualTo(2154);
        Geometry back = CrsTransforms.transform(stored, 2154, 4326);
        assertThat(back.getCoordinate().x).isCloseTo(55.4481, within(1e-8));
        assertThat(back.getCoordinate().y).isCloseTo(-20.8789, within(1e-8));
        // and from storage to the legal CRS, where metric computations happen
        Geometry legal = CrsTransforms.transform(stored, 2154, LegalCrs.forCode("97411").epsg());
        assertThat(legal.getCoordinate().x).isCloseTo(338_568.315, within(0.01));
        assertThat(legal.getCoordinate().y).isCloseTo(7_690_475.437, within(0.01));
        assertThat(p.getCoordinate().x).as("input untouched").isEqualTo(55.4481);
    }

    @Test
    void envelopeTransformCoversTheCurvedEdges() {
        // A 4326 box over metropolitan France: the densified result contains every edge point.
        Envelope box = new Envelope(-5, 9, 42, 51);
        Envelope l93 = CrsTransforms.transform(box, 4326, 2154);
        for (double lon = -5; lon <= 9; lon += 0.05) {
            for (double lat : new double[] {42, 51}) {
                double[] xy = CrsTransforms.transform(lon, lat, 4326, 2154);
                assertThat(l93.contains(xy[0], xy[1])).as("%s %s", lon, lat).isTrue();
            }
        }
        assertThat(CrsTransforms.transform(box, 4326, 4326)).isEqualTo(box);
        assertThat(CrsTransforms.transform(new Envelope(), 4326, 2154).isNull()).isTrue();
    }

    @Test
    void webMercator() {
        double[] xy = CrsTransforms.transform(2.3522, 48.8566, 4326, 3857);
        assertThat(xy[0]).isCloseTo(261_845.71, within(0.1));
        assertThat(xy[1]).isCloseTo(6_250_564.35, within(0.1));
    }

    @Test
    void unknownCodes() {
        assertThat(CrsTransforms.isKnown(2154)).isTrue();
        assertThat(CrsTransforms.isKnown(999_999)).isFalse();
    }
}
