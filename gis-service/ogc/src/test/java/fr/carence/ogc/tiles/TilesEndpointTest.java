package fr.carence.ogc.tiles;

import static fr.carence.ogc.tiles.TileTestSupport.tileAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The HTTP side of OGC API Tiles (the store does not matter here: H2GIS): documents and links,
 * MVT content type, ETag and 304, 204 for an empty tile, Cache-Control per caller and layer,
 * errors as JSON exception documents in French.
 */
class TilesEndpointTest {

    private static TestStore store;
    private static TileTestSupport tiles;
    private static MockMvc mvc;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        store = StoreTestSupport.openH2gis();
        OgcTestData.load(store.store());
        tiles = new TileTestSupport(store.store(), TilesSettings.defaults());
        mvc = MockMvcBuilders.standaloneSetup(tiles.endpoint).build();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    private static MockHttpServletResponse call(String path, String... headers) throws Exception {
        var request = get(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void tileMatrixSetsDescribeWebMercatorQuad() throws Exception {
        JsonNode list = JSON.readTree(call("/ogc/tileMatrixSets").getContentAsByteArray());
        assertThat(list.at("/tileMatrixSets/0/id").asText()).isEqualTo("WebMercatorQuad");
        assertThat(list.at("/tileMatrixSets/0/links/0/href").asText()).isEqualTo("http://localhost/ogc/tileMatrixSets/WebMercatorQuad");
        JsonNode tms = JSON.readTree(call("/ogc/tileMatrixSets/WebMercatorQuad").getContentAsByteArray());
        assertThat(tms.get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        // OGC 17-083r4 Table D.1: zoom 0 is 559,082,264.03 at 156,543.03 m per pixel; zoom 10 is 2^10 times finer.
        assertThat(tms.at("/tileMatrices/0/scaleDenominator").asDouble()).isBetween(559_082_264.0, 559_082_264.1);
        assertThat(tms.at("/tileMatrices/0/cellSize").asDouble()).isBetween(156_543.03, 156_543.04);
        assertThat(tms.at("/tileMatrices/10/matrixWidth").asLong()).isEqualTo(1024);
        assertThat(tms.at("/tileMatrices/0/pointOfOrigin/1").asDouble()).isBetween(20_037_508.34, 20_037_508.35);
        assertThat(call("/ogc/tileMatrixSets/WorldCRS84Quad").getStatus()).isEqualTo(404);
    }

    @Test
    void aStyleIsServedAsTheSldRulesWithCql2Filters() throws Exception {
        // (The indicators are not in this store: their style is read through the same TileStyles.)
        JsonNode rules = new TileStyles(tiles.catalog).json("carence_score").at("/passes/0/rules");
        // sld-styles/carence_score.sld: "hors carence" then five score classes.
        assertThat(rules).hasSize(6);
        assertThat(rules.get(0).at("/filter/op").asText()).isEqualTo("=");
        assertThat(rules.get(0).at("/filter/args/0/property").asText()).isEqualTo("carence");
        assertThat(rules.get(0).at("/symbolizers/0/fill").asText()).isEqualTo("rgba(240,240,240,1.0)");
        JsonNode third = rules.get(3);
        assertThat(third.get("title").asText()).isEqualTo("Score de 50 à 200");
        assertThat(third.at("/filter/op").asText()).isEqualTo("and");
        assertThat(third.at("/filter/args/1").toString()).isEqualTo("{\"op\":\">=\",\"args\":[{\"property\":\"score_carence\"},\"50\"]}");
        assertThat(third.at("/symbolizers/0/fill").asText()).isEqualTo("rgba(251,106,74,1.0)");
        assertThat(third.at("/symbolizers/0/stroke/width").asDouble()).isEqualTo(0.3);
        // Scale ranges and labels of the communes style.
        JsonNode communes = JSON.readTree(call("/ogc/collections/communes/styles/communes").getContentAsByteArray());
        assertThat(communes.at("/passes/0/rules/0/minScaleDenominator").asDouble()).isEqualTo(400_000);
        assertThat(communes.at("/passes/1/rules/0/symbolizers/0/label").asText()).isEqualTo("nom");
        assertThat(communes.at("/passes/1/rules/0/maxScaleDenominator").asDouble()).isEqualTo(150_000);
        // Only the layer's own styles; an unknown layer is unknown.
        assertThat(call("/ogc/collections/communes/styles/carence_score").getStatus()).isEqualTo(404);
        assertThat(call("/ogc/collections/sites_candidats/styles/sites_candidats").getStatus()).isEqualTo(404);
    }

    /** The web map draws these layers from tiles: every attribute their styles read must be listed for the tiles. */
    @Test
    void everyAttributeTheTiledLayersStylesReadIsInTheirTiles() throws Exception {
        TileStyles styles = new TileStyles(tiles.catalog);
        for (String layer : java.util.List.of("communes", "indicateurs_communes", "zones_carence")) {
            fr.carence.ogc.catalog.PublishedLayer l = tiles.catalog.layer(layer).orElseThrow();
            for (String style : l.styles()) {
                String doc = styles.json(style).toString();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:property|label)\":\"([^\"]+)\"").matcher(doc);
                int read = 0;
                while (m.find()) {
                    assertThat(l.tileAttributes()).as(layer + " style " + style).contains(m.group(1));
                    read++;
                }
                assertThat(read).as(layer + " style " + style + " reads attributes").isPositive();
            }
        }
    }

    @Test
    void tilesetMetadataLinksTheTileTemplateAndListsTheAttributes() throws Exception {
        JsonNode sets = JSON.readTree(call("/ogc/collections/communes/tiles").getContentAsByteArray());
        assertThat(sets.at("/tilesets/0/dataType").asText()).isEqualTo("vector");
        assertThat(sets.at("/tilesets/0/links/0/href").asText())
                .isEqualTo("http://localhost/ogc/collections/communes/tiles/WebMercatorQuad");
        JsonNode ts = JSON.readTree(call("/ogc/collections/communes/tiles/WebMercatorQuad").getContentAsByteArray());
        JsonNode item = null;
        for (JsonNode l : ts.get("links")) {
            if (l.get("rel").asText().equals("item")) {
                item = l;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("href").asText())
                .isEqualTo("http://localhost/ogc/collections/communes/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(item.get("type").asText()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(ts.at("/layers/0/propertiesSchema/properties").fieldNames()).toIterable()
                .containsExactly("code", "nom", "dep", "population");
        assertThat(ts.at("/layers/0/propertiesSchema/properties/population/type").asText()).isEqualTo("integer");
        // The four départements' communes span La Réunion (55.2°E–55.8°E) to Tarn (1.5°E).
        assertThat(ts.at("/boundingBox/lowerLeft/0").asDouble()).isBetween(1.5, 1.6);
        assertThat(ts.at("/boundingBox/upperRight/0").asDouble()).isBetween(55.8, 55.9);
    }

    @Test
    void aTileHasAnEtagAndARepeatedRequestGets304() throws Exception {
        long[] t = tileAt(2.5750, 44.3506, 10);
        String path = "/ogc/collections/communes/tiles/WebMercatorQuad/10/" + t[1] + "/" + t[2];
        MockHttpServletResponse first = call(path);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("public, no-cache");
        String etag = first.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(TileTestSupport.decode(first.getContentAsByteArray())).isNotEmpty();

        MockHttpServletResponse again = call(path, "If-None-Match", etag);
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(call(path, "If-None-Match", "\"autre\", W/" + etag).getStatus()).isEqualTo(304);
        assertThat(call(path, "If-None-Match", "\"autre\"").getStatus()).isEqualTo(200);
    }

    @Test
    void anEmptyTileIs204() throws Exception {
        long[] sea = tileAt(-5, 45, 9);
        MockHttpServletResponse r = call("/ogc/collections/communes/tiles/WebMercatorQuad/9/" + sea[1] + "/" + sea[2]);
        assertThat(r.getStatus()).isEqualTo(204);
        assertThat(r.getContentAsByteArray()).isEmpty();
        assertThat(r.getHeader("ETag")).isNotBlank();
    }

    @Test
    void restrictedLayersAreNotFoundAnonymouslyAndPrivateWhenAllowed() throws Exception {
        String path = "/ogc/collections/sites_candidats/tiles/WebMercatorQuad/6/23/32";
        MockHttpServletResponse hidden = call(path);
        JsonNode error = JSON.readTree(hidden.getContentAsByteArray());
        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(error.get("description").asText()).isEqualTo("Collection inconnue : « sites_candidats ».");
        assertThat(JSON.readTree(call("/ogc/collections/nexiste_pas/tiles/WebMercatorQuad/6/23/32").getContentAsByteArray())
                .get("description").asText()).isEqualTo("Collection inconnue : « nexiste_pas ».");
        tiles.roles.set(Set.of("FUNDER"));
        try {
            MockHttpServletResponse r = call(path);
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getHeader("Cache-Control")).isEqualTo("private, no-cache");
            assertThat(call("/ogc/collections/communes/tiles/WebMercatorQuad/6/23/32").getHeader("Cache-Control"))
                    .isEqualTo("private, no-cache");
        } finally {
            tiles.roles.set(Set.of());
        }
    }

    @Test
    void badIndicesGetAFrenchMessageNamingTheParameter() throws Exception {
        MockHttpServletResponse r = call("/ogc/collections/communes/tiles/WebMercatorQuad/6/x/32");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode e = JSON.readTree(r.getContentAsByteArray());
        assertThat(e.get("code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(e.get("description").asText()).isEqualTo("Paramètre tileRow invalide : « x » (entier positif attendu).");
        JsonNode scenario = JSON.readTree(call("/ogc/collections/sites_candidats/tiles/WebMercatorQuad/6/23/32?scenario=a;b")
                .getContentAsByteArray());
        assertThat(scenario.get("description").asText()).isEqualTo("Collection inconnue : « sites_candidats ».");
        tiles.roles.set(Set.of("FUNDER"));
        try {
            MockHttpServletResponse bad = call("/ogc/collections/sites_candidats/tiles/WebMercatorQuad/6/23/32?scenario=a;b");
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(JSON.readTree(bad.getContentAsByteArray()).get("description").asText()).isEqualTo(
                    "Identifiant de scénario invalide (paramètre scenario) : « a;b » (minuscules, chiffres, '-' ou '_', 40 caractères au plus).");
        } finally {
            tiles.roles.set(Set.of());
        }
        JsonNode out = JSON.readTree(call("/ogc/collections/communes/tiles/WebMercatorQuad/2/0/4").getContentAsByteArray());
        assertThat(out.get("description").asText()).isEqualTo("Colonne de tuile (tileCol) 4 hors du niveau 2 : de 0 à 3.");
    }
}
