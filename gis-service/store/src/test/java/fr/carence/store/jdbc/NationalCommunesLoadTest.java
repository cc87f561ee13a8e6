package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.crs.CrsTransforms;
import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Loads the real national commune polygons (34,868 COG 2026 communes, métropole + DROM, see
 * shared/data/communes-geometry/SOURCE.md) end to end: GeoJSON parsing, transformation to
 * Lambert-93, batched writes, indexing and publication. The elapsed time is printed (no timed
 * assertion: the machine is shared); the checks are on the content.
 */
class NationalCommunesLoadTest {

    private static final Path FILE = SharedData.file("communes-geometry/communes-cog2026-dissolved.geojson.gz");
    private static final GeometryFactory WGS84 = new GeometryFactory();

    static final LayerSchema SCHEMA = new LayerSchema("communes_nationales", List.of(
            Attribute.required("code", AttributeType.STRING), Attribute.required("nom", AttributeType.STRING),
            Attribute.optional("dep", AttributeType.STRING), Attribute.optional("population", AttributeType.INTEGER)),
            GeometryType.MULTIPOLYGON, "code");

    @BothStores
    void loadsTheNationalCommunes(JdbcFeatureStore store) throws IOException {
        long start = System.nanoTime();
        long written;
        try (LayerWriter w = store.replaceLayer(SCHEMA, new LayerInfo.Source("communes", FILE.getFileName().toString(), "COG 2026"));
             InputStream in = new GZIPInputStream(Files.newInputStream(FILE), 1 << 16);
             JsonParser json = new ObjectMapper().getFactory().createParser(in)) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && "features".equals(json.currentName())) {
                    json.nextToken();
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        w.write(feature(json.readValueAsTree()));
                    }
                }
            }
            w.commit();
            written = w.written();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d communes parsed, transformed and loaded in %d ms%n", store.kind(), written, millis);

        assertThat(written).isEqualTo(34_868);
        assertThat(store.count(SCHEMA.name(), FeatureQuery.all())).isEqualTo(34_868);
        assertThat(store.estimatedCount(SCHEMA.name())).hasValue(34_868);
        // Paris (652469, 6862035 in Lambert-93) falls in commune 75056.
        Geometry paris = Fixtures.GF.createPoint(new Coordinate(652_469, 6_862_035));
        List<Feature> hit = Fixtures.read(store, SCHEMA.name(), FeatureQuery.all().withFilter(
                new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, paris)));
        assertThat(hit).extracting(Feature::id).containsExactly("75056");
        assertThat(hit.get(0).get("population")).isInstanceOf(Integer.class);
        // Extent: from the Antilles and Guyane (west of metropolitan France) to Réunion and Mayotte.
        var extent = store.extent(SCHEMA.name()).orElseThrow();
        assertThat(extent.contains(652_469, 6_862_035)).isTrue();
        assertThat(store.count(SCHEMA.name(), FeatureQuery.all().withFilter(
                new Filter.Compare("dep", Filter.ComparisonOperator.EQ, "974")))).isEqualTo(24);
    }

    private static Feature feature(JsonNode node) {
        JsonNode p = node.get("properties");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", p.get("code").asText());
        properties.put("nom", p.get("nom").asText());
        properties.put("dep", p.path("dep").isNull() ? null : p.path("dep").asText(null));
        properties.put("population", p.path("population").isNumber() ? p.get("population").intValue() : null);
        Geometry g = geometry(node.get("geometry"));
        return new Feature(null, CrsTransforms.transform(g, 4326, 2154), properties);
    }

    private static Geometry geometry(JsonNode g) {
        JsonNode coordinates = g.get("coordinates");
        return switch (g.get("type").asText()) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i));
                }
                yield WGS84.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("unexpected geometry " + g.get("type"));
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(points.get(i).get(0).doubleValue(), points.get(i).get(1).doubleValue());
        }
        return WGS84.createLinearRing(c);
    }
}
