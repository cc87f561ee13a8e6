package fr.carence.ogc.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.core.Numbers;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The one GeoJSON geometry writer: shortest numbers, optional rounding, long rings (made-up geometries). */
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

    /**
     * A ring far longer than the writer's text chunk, and values spelt out at length or not finite, give the
     * same text as numbers joined one by one ({@code Numbers.format}), and the generator goes on
     * well formed after them.
     */
    @Test
    void longRingsAndLongNumbersStayWellFormed() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int n = 5000;
        Coordinate[] ring = new Coordinate[n + 1];
        StringBuilder expected = new StringBuilder("{\"a\":{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < n; i++) {
            double x = i == 7 ? 1.0E-300 : i == 11 ? Double.NaN : -5 + 15 * random.nextDouble();
            double y = i == 9 ? 3.0E250 : 41 + 10 * random.nextDouble();
            ring[i] = new Coordinate(x, y);
        }
        ring[n] = ring[0];
        for (int i = 0; i <= n; i++) {
            expected.append(i == 0 ? "" : ",").append('[').append(text(ring[i].x)).append(',').append(text(ring[i].y)).append(']');
        }
        expected.append("]]},\"b\":[1,null]}");
        Polygon polygon = new GeometryFactory().createPolygon(ring);
        // Both kinds of generator: bytes (the responses) and characters (feature info text).
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            writeWrapped(g, polygon);
        }
        StringWriter chars = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(chars)) {
            writeWrapped(g, polygon);
        }
        for (String out : List.of(bytes.toString(StandardCharsets.UTF_8), chars.toString())) {
            assertThat(out).isEqualTo(expected.toString());
            assertThat(new ObjectMapper().readTree(out).path("a").path("coordinates").path(0).size()).isEqualTo(n + 1);
        }
    }

    private static String text(double d) {
        return Double.isFinite(d) ? Numbers.format(d) : "null";
    }

    private static void writeWrapped(JsonGenerator g, Polygon polygon) throws Exception {
        g.writeStartObject();
        g.writeFieldName("a");
        GeoJsonGeometryWriter.write(g, polygon);
        g.writeArrayFieldStart("b");
        g.writeNumber(1);
        GeoJsonGeometryWriter.number(g, Double.NaN);
        g.writeEndArray();
        g.writeEndObject();
    }

    @Test
    void roundsToTheGivenDecimals() throws ParseException {
        assertThat(GeoJsonGeometryWriter.json(new WKTReader().read("POINT (1.123456789 44.000000049)"), 7))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[1.1234568,44]}");
    }
}
