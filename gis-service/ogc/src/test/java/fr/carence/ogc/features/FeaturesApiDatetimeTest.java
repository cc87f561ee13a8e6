package fr.carence.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.web.OgcApiEndpoint;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code datetime} on a layer with a time property (no published layer has one today, so the
 * test catalogues its own fixture layer of four dated points), on H2GIS and PostGIS.
 */
class FeaturesApiDatetimeTest {

    private static final String LAYER = "releves_test";

    /** A one-layer catalogue over the fixture table. */
    private static Catalog catalog() {
        PublishedLayer layer = new PublishedLayer(LAYER, "Relevés (fixture)", null, List.of(), LAYER, 2154, 2154,
                List.of(4326, 3857), null, List.of(), "entrees", null, Set.of(), List.of());
        return new Catalog() {
            public String workspace() {
                return "carence";
            }

            public String namespaceUri() {
                return "https://carence.beta.gouv.fr/carence";
            }

            public List<PublishedLayer> layers() {
                return List.of(layer);
            }

            public Optional<PublishedLayer> layer(String name) {
                return name.equals(LAYER) ? Optional.of(layer) : Optional.empty();
            }

            public List<String> styleNames() {
                return List.of();
            }

            public Optional<String> styleSld(String styleName) {
                return Optional.empty();
            }

            public fr.carence.ogc.catalog.ColumnSecurityRules columnRules() {
                return fr.carence.ogc.catalog.ColumnSecurityRules.none();
            }

            public boolean columnReadable(String layer, String column) {
                return true;
            }
        };
    }

    private static MockMvc load(FeatureStore store) {
        if (store.schema(LAYER).isEmpty()) {
            LayerSchema schema = new LayerSchema(LAYER, List.of(Attribute.required("id", AttributeType.STRING),
                    Attribute.required("mesure_le", AttributeType.TIMESTAMP)), GeometryType.POINT, "id");
            GeometryFactory gf = new GeometryFactory();
            try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "FeaturesApiDatetimeTest", null))) {
                String[] times = {"2026-01-10T08:00:00Z", "2026-02-01T00:00:00Z", "2026-02-15T12:30:00Z", "2026-03-01T00:00:00Z"};
                for (int i = 0; i < times.length; i++) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("id", "r" + (i + 1));
                    p.put("mesure_le", Instant.parse(times[i]));
                    Point pt = gf.createPoint(new Coordinate(650_000 + i * 1000, 6_360_000));
                    pt.setSRID(FeatureStore.STORAGE_SRID);
                    w.write(new Feature("r" + (i + 1), pt, p));
                }
                w.commit();
            }
        }
        FeaturesApi api = new FeaturesApi(catalog(), store, 100, 1_000_000, null, "test");
        return MockMvcBuilders.standaloneSetup(new OgcApiEndpoint(api, OgcSettings.defaults())).build();
    }

    private static Set<String> ids(MockMvc mvc, String datetime) throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/ogc/collections/" + LAYER + "/items")
                .param("datetime", datetime)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        JsonNode page = new ObjectMapper().readTree(r.getContentAsString(StandardCharsets.UTF_8));
        Set<String> out = new TreeSet<>();
        page.get("features").forEach(f -> out.add(f.at("/properties/id").asText()));
        return out;
    }

    @BothStores
    void datetimeSelectsInstantsAndClosedOrOpenIntervals(FeatureStore store) throws Exception {
        MockMvc mvc = load(store);
        assertThat(ids(mvc, "2026-02-01T00:00:00Z")).containsExactly("r2");
        // Bounds are inclusive: r2 (1 Feb 00:00) and r4 (1 Mar 00:00) are in.
        assertThat(ids(mvc, "2026-02-01T00:00:00Z/2026-03-01T00:00:00Z")).containsExactly("r2", "r3", "r4");
        assertThat(ids(mvc, "../2026-02-01T00:00:00Z")).containsExactly("r1", "r2");
        assertThat(ids(mvc, "2026-02-15/..")).containsExactly("r3", "r4");
        MockHttpServletResponse bad = mvc.perform(MockMvcRequestBuilders.get("/ogc/collections/" + LAYER + "/items")
                .param("datetime", "hier")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("datetime", "RFC 3339");
        MockHttpServletResponse open = mvc.perform(MockMvcRequestBuilders.get("/ogc/collections/" + LAYER + "/items")
                .param("datetime", "../..")).andReturn().getResponse();
        assertThat(open.getStatus()).isEqualTo(400);
    }
}
