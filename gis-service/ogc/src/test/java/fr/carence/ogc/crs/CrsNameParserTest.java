package fr.carence.ogc.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Every CRS spelling GeoServer accepts, with the axis order GeoServer gives it. */
class CrsNameParserTest {

    @ParameterizedTest(name = "{0} -> EPSG:{1} {2}")
    @CsvSource({
        "EPSG:4326, 4326, EAST_NORTH",
        "epsg:4326, 4326, EAST_NORTH",
        "http://www.opengis.net/gml/srs/epsg.xml#4326, 4326, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::4326, 4326, NORTH_EAST",
        "urn:ogc:def:crs:EPSG:6.6:4326, 4326, NORTH_EAST",
        "URN:OGC:DEF:CRS:EPSG::4326, 4326, NORTH_EAST",
        "urn:x-ogc:def:crs:EPSG:4326, 4326, NORTH_EAST",
        "urn:x-ogc:def:crs:EPSG::4326, 4326, NORTH_EAST",
        "http://www.opengis.net/def/crs/EPSG/0/4326, 4326, NORTH_EAST",
        "CRS:84, 4326, EAST_NORTH",
        "OGC:CRS84, 4326, EAST_NORTH",
        "urn:ogc:def:crs:OGC:1.3:CRS84, 4326, EAST_NORTH",
        "urn:ogc:def:crs:OGC::CRS84, 4326, EAST_NORTH",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84, 4326, EAST_NORTH",
        "EPSG:2154, 2154, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::2154, 2154, EAST_NORTH",
        "urn:x-ogc:def:crs:EPSG:2154, 2154, EAST_NORTH",
        "http://www.opengis.net/def/crs/EPSG/0/2154, 2154, EAST_NORTH",
        "EPSG:3857, 3857, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::3857, 3857, EAST_NORTH",
        "http://www.opengis.net/def/crs/EPSG/0/3857, 3857, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::5490, 5490, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::2972, 2972, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::2975, 2975, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::4471, 4471, EAST_NORTH",
        "urn:ogc:def:crs:EPSG::4171, 4171, NORTH_EAST",
        "EPSG:4171, 4171, EAST_NORTH"
    })
    void parsesEverySpelling(String spelling, int epsg, AxisOrder order) {
        CrsName crs = CrsNameParser.parse(spelling);
        assertThat(crs.epsg()).isEqualTo(epsg);
        assertThat(crs.axisOrder()).isEqualTo(order);
        assertThat(crs.spelling()).isEqualTo(spelling);
    }

    @Test
    void rejectsUnknownSpellingsAndCodes() {
        assertThatThrownBy(() -> CrsNameParser.parse("WGS84")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WGS84");
        assertThatThrownBy(() -> CrsNameParser.parse("EPSG:999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999999");
        assertThatThrownBy(() -> CrsNameParser.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Paris (2.3522 E, 48.8566 N) as each spelling writes it, and back to Lambert-93. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "EPSG:4326, 2.3522, 48.8566",
        "CRS:84, 2.3522, 48.8566",
        "OGC:CRS84, 2.3522, 48.8566",
        "urn:ogc:def:crs:EPSG::4326, 48.8566, 2.3522",
        "urn:x-ogc:def:crs:EPSG:4326, 48.8566, 2.3522",
        "http://www.opengis.net/def/crs/EPSG/0/4326, 48.8566, 2.3522",
        "urn:ogc:def:crs:EPSG::2154, 652469.02, 6862035.26",
        "EPSG:2154, 652469.02, 6862035.26",
        "urn:ogc:def:crs:EPSG::3857, 261845.71, 6250564.35"
    })
    void outputCoordinatesFollowTheSpelling(String spelling, double first, double second) {
        GeometryFactory gf = new GeometryFactory();
        Geometry stored = gf.createPoint(new Coordinate(652469.0227, 6862035.2594));
        Geometry out = OgcCoordinates.toClient(stored, CrsNameParser.parse(spelling));
        double tolerance = Math.abs(first) > 1000 ? 0.5 : 1e-4;
        assertThat(out.getCoordinate().x).isCloseTo(first, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(out.getCoordinate().y).isCloseTo(second, org.assertj.core.data.Offset.offset(tolerance));

        Geometry back = OgcCoordinates.toStorage(gf.createPoint(new Coordinate(first, second)), CrsNameParser.parse(spelling));
        assertThat(back.getCoordinate().x).isCloseTo(652469.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(back.getCoordinate().y).isCloseTo(6862035.3, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void envelopesSwapForLatitudeFirstSpellings() {
        Envelope latLon = new Envelope(48.8, 48.9, 2.3, 2.4); // x = latitude, y = longitude as written
        Envelope a = OgcCoordinates.toStorage(latLon, CrsNameParser.parse("urn:ogc:def:crs:EPSG::4326"));
        Envelope b = OgcCoordinates.toStorage(new Envelope(2.3, 2.4, 48.8, 48.9), CrsNameParser.parse("EPSG:4326"));
        assertThat(a.getMinX()).isCloseTo(b.getMinX(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.getMaxY()).isCloseTo(b.getMaxY(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.contains(652469.0, 6862035.3)).isTrue();
    }
}
