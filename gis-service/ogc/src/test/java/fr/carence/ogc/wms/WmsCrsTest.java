package fr.carence.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.ogc.OwsException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

/** WMS 1.3.0 BBOX axis rules for every CRS spelling. */
class WmsCrsTest {

    private static final List<Integer> SUPPORTED = WmsSettings.defaults().crs();

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4326", "epsg:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:6.6:4326",
            "urn:x-ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/EPSG/0/4326"})
    void everyEpsgSpellingOf4326IsLatitudeFirst(String spelling) {
        WmsCrs crs = WmsCrs.parse(spelling, SUPPORTED, "CRS");
        assertThat(crs.epsg()).isEqualTo(4326);
        assertThat(crs.latitudeFirst()).isTrue();
        assertThat(crs.geographic()).isTrue();
        Envelope e = MapRequestParser.parseBbox("44.9,2.4,45.0,2.5", crs);
        assertThat(e).isEqualTo(new Envelope(2.4, 2.5, 44.9, 45.0));
        assertThat(crs.toAxisOrder(e)).containsExactly(44.9, 2.4, 45.0, 2.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRS:84", "crs:84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"})
    void crs84IsLongitudeFirst(String spelling) {
        WmsCrs crs = WmsCrs.parse(spelling, SUPPORTED, "CRS");
        assertThat(crs).isEqualTo(WmsCrs.CRS84);
        assertThat(MapRequestParser.parseBbox("2.4,44.9,2.5,45.0", crs)).isEqualTo(new Envelope(2.4, 2.5, 44.9, 45.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:2154", "urn:ogc:def:crs:EPSG::2154", "http://www.opengis.net/def/crs/EPSG/0/2154",
            "EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "EPSG:5490", "EPSG:2972", "urn:ogc:def:crs:EPSG::2975", "EPSG:4471"})
    void projectedCrsAreEastingFirstInEverySpelling(String spelling) {
        WmsCrs crs = WmsCrs.parse(spelling, SUPPORTED, "CRS");
        assertThat(crs.latitudeFirst()).isFalse();
        assertThat(crs.geographic()).isFalse();
        assertThat(MapRequestParser.parseBbox("600000,6400000,700000,6500000", crs))
                .isEqualTo(new Envelope(600000, 700000, 6400000, 6500000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:27572", "EPSG:999999", "EPSG:abc", "lambert93", ""})
    void unsupportedOrUnknownCrsIsInvalidCrs(String spelling) {
        assertThatThrownBy(() -> WmsCrs.parse(spelling, SUPPORTED, "CRS")).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.code()).isEqualTo(OwsException.INVALID_CRS);
            assertThat(e.locator()).isEqualTo("CRS");
            assertThat(e.getMessage()).contains("EPSG:2154").contains("CRS:84");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"3,1,2,4", "1,4,2,3", "1,1,1,2", "1,2,3", "a,b,c,d", "1,2,NaN,4", "1,2,Infinity,4"})
    void invertedDegenerateOrMalformedBboxIsInvalidParameterValue(String bbox) {
        assertThatThrownBy(() -> MapRequestParser.parseBbox(bbox, WmsCrs.CRS84)).isInstanceOfSatisfying(OwsException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(OwsException.INVALID_PARAMETER_VALUE);
                    assertThat(e.locator()).isEqualTo("BBOX");
                });
    }

    @Test
    void latLonBboxGivenLonLatIsAValidButDifferentArea() {
        WmsCrs crs = WmsCrs.parse("EPSG:4326", SUPPORTED, "CRS");
        // Read as lat 2.4..2.5, lon 44.9..45.0 (east Africa coast): valid, just not France.
        assertThat(MapRequestParser.parseBbox("2.4,44.9,2.5,45.0", crs)).isEqualTo(new Envelope(44.9, 45.0, 2.4, 2.5));
    }
}
