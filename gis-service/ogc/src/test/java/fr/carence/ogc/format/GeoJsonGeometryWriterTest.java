package fr.carence.ogc.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The one GeoJSON geometry writer: shortest numbers, optional rounding (made-up geometries). */
class GeoJsonGeometryWriterTest {

    @Test
    void writesEachTypeWithShortestNumbers() throws ParseException {
        WKTReader wkt = new WKTReader();
        assertThat(GeoJsonGeometryWriter.json(wkt.read("POINT (3 43.5)"), 7))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[3,43.5]}");
        assertThat(GeoJsonGeometryWriter.json(wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.1, 0.3 0.1, 0.3 0.2, 0.2 0.1))"), 7))
                .isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.3,0.1],[0.3,0.2],[0.2,0.1]]]}");
        assertThat(GeoJsonGeometryWriter.json(wkt.read("MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))"), 7))
                .isEqualTo("{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,1]],[[2,2],[3,3]]]}");
    }

    @Test
    void roundsToTheGivenDecimals() throws ParseException {
        assertThat(GeoJsonGeometryWriter.json(new WKTReader().read("POINT (1.123456789 44.000000049)"), 7))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[1.1234568,44]}");
    }
}
