package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.testing.RunningSampleService;
import io.tileverse.vectortile.model.VectorTile;
import io.tileverse.vectortile.mvt.VectorTileCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The column read rules ({@code security/columns.properties}: {@code indicateurs_communes.site_*}
 * and {@code zones_carence.demande_couverte} for FUNDER / ADMIN only) on the paths added after
 * WFS / WMS: OGC API Features (items in GeoJSON and HTML, one item, queryables, filter, sortby) and
 * the vector tiles. For every caller that is not a funder the restricted columns are absent, and
 * naming one in a filter or a sort key gets exactly the answer of a column that does not exist.
 */
class ColumnRulesNewPathsHttpTest extends RunningSampleService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDICATEURS = "/ogc/collections/indicateurs_communes";
    private static final String ZONES = "/ogc/collections/zones_carence";
    private static final List<String> SITE_COLUMNS = List.of("site_candidat", "site_retenu", "site_desservant");
    /** 0°–5.625°E, 40.98°–45.09°N: most of Occitanie, so most zones of the default scenario. */
    private static final String TILE = "/tiles/WebMercatorQuad/6/23/32";

    private HttpCalls http;

    @BeforeEach
    void client() {
        http = new HttpCalls(url(""));
    }

    private static List<Caller> admitted() {
        return Caller.ALL.stream().filter(c -> !c.refused()).toList();
    }

    private JsonNode json(Caller caller, String path) throws IOException {
        HttpResponse<String> r = http.get(caller, path);
        assertThat(r.statusCode()).as(path + " / " + caller + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Every property name of the features of a GeoJSON collection, or of one feature. */
    private static Set<String> propertyNames(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        List<JsonNode> features = new ArrayList<>();
        if (doc.has("features")) {
            doc.get("features").forEach(features::add);
        } else {
            features.add(doc);
        }
        features.forEach(f -> f.get("properties").fieldNames().forEachRemaining(out::add));
        return out;
    }

    @Test
    void siteColumnsOfTheCommunesOnlyForFunders() throws Exception {
        for (Caller caller : admitted()) {
            boolean funder = caller.has(Role.FUNDER);
            JsonNode page = json(caller, INDICATEURS + "/items?limit=200");
            assertThat(page.get("numberReturned").asInt()).as(caller.name()).isEqualTo(200);
            Set<String> names = propertyNames(page);
            assertThat(names).as(caller.name()).contains("code", "score_carence");
            if (funder) {
                assertThat(names).as(caller.name()).containsAll(SITE_COLUMNS);
            } else {
                assertThat(names).as(caller.name()).noneMatch(n -> n.startsWith("site_"));
            }

            String id = page.get("features").get(0).get("id").asText();
            Set<String> one = propertyNames(json(caller, INDICATEURS + "/items/" + id));
            assertThat(one).as(caller.name()).contains("code");
            assertThat(one.stream().anyMatch(n -> n.startsWith("site_"))).as(caller.name() + " " + one).isEqualTo(funder);

            for (String path : List.of(INDICATEURS + "/items?limit=50&f=html", INDICATEURS + "/items/" + id + "?f=html")) {
                HttpResponse<String> html = http.get(caller, path);
                assertThat(html.statusCode()).as(path).isEqualTo(200);
                assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(html.body()).as(path).contains("score_carence");
                assertThat(html.body().contains("site_retenu")).as(path + " / " + caller).isEqualTo(funder);
                assertThat(html.body().contains("site_desservant")).as(path + " / " + caller).isEqualTo(funder);
            }

            Set<String> queryables = new TreeSet<>();
            json(caller, INDICATEURS + "/queryables").get("properties").fieldNames().forEachRemaining(queryables::add);
            assertThat(queryables).as(caller.name()).contains("score_carence");
            if (funder) {
                assertThat(queryables).as(caller.name()).containsAll(SITE_COLUMNS);
            } else {
                assertThat(queryables).as(caller.name()).noneMatch(n -> n.startsWith("site_"));
            }
        }
    }

    @Test
    void aRestrictedColumnInAFilterOrSortKeyIsAnUnknownColumn() {
        record Use(String collection, String column, String query) {
        }
        List<Use> uses = List.of(
                new Use(INDICATEURS, "site_retenu", "filter=site_retenu%3Dtrue"),
                new Use(INDICATEURS, "site_desservant", "sortby=site_desservant"),
                new Use(INDICATEURS, "site_desservant", "sortby=-site_desservant"),
                new Use(ZONES, "demande_couverte", "filter=demande_couverte%3E0"),
                new Use(ZONES, "demande_couverte", "sortby=demande_couverte"));
        String unknown = "colonne_inexistante";
        for (Caller caller : admitted()) {
            for (Use u : uses) {
                String path = u.collection() + "/items?limit=5&" + u.query();
                HttpResponse<String> r = http.get(caller, path);
                String what = path + " / " + caller;
                if (caller.has(Role.FUNDER)) {
                    assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(200);
                    continue;
                }
                HttpResponse<String> none = http.get(caller, u.collection() + "/items?limit=5&" + u.query().replace(u.column(), unknown));
                assertThat(r.statusCode()).as(what).isEqualTo(none.statusCode()).isEqualTo(400);
                assertThat(r.body().replace(u.column(), unknown)).as(what).isEqualTo(none.body());
                assertThat(r.body()).as(what).contains(u.column());
            }
        }
    }

    /**
     * Every column the analysis declares restricted ({@code ResultLayers.RESTRICTED_COLUMNS}, from
     * the declarations) in a published layer: a caller outside its declared readers (anonymous
     * first) naming it in WFS (property list, FES filter) or OGC API Features (filter, sort key)
     * gets the answer of a column that does not exist; a declared reader gets it. A column
     * declared restricted later is covered without touching this test.
     */
    @Test
    void everyDeclaredRestrictedColumnIsUnknownToCallersOutsideItsReaders() {
        String unknown = "colonne_inexistante";
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsNull><fes:ValueReference>@"
                + "</fes:ValueReference></fes:PropertyIsNull></fes:Filter>";
        int checked = 0;
        for (var table : fr.carence.analysis.store.ResultLayers.RESTRICTED_COLUMNS.entrySet()) {
            String layer = table.getKey();
            if (fr.carence.analysis.result.ResultColumns.TABLES.stream().noneMatch(t -> t.layer().equals(layer))) {
                continue; // REST tables (scenarios, recalculs): ScenarioApiSecurity tests
            }
            for (var column : table.getValue().entrySet()) {
                String c = column.getKey();
                String wfs = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:" + layer + "&COUNT=1&";
                List<String> queries = List.of(wfs + "PROPERTYNAME=" + c,
                        wfs + "OUTPUTFORMAT=application/json&FILTER=" + java.net.URLEncoder.encode(filter.replace("@", c),
                                java.nio.charset.StandardCharsets.UTF_8),
                        "/ogc/collections/" + layer + "/items?limit=1&filter=" + c + "%20IS%20NULL",
                        "/ogc/collections/" + layer + "/items?limit=1&sortby=-" + c);
                for (Caller caller : admitted()) {
                    boolean reader = caller.roles().stream().anyMatch(r -> column.getValue().contains(r.name()));
                    for (String q : queries) {
                        String what = q + " / " + caller;
                        HttpResponse<String> r = http.get(caller, q);
                        if (reader) {
                            assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(200);
                            continue;
                        }
                        HttpResponse<String> none = http.get(caller, q.replace(c, unknown));
                        assertThat(r.statusCode()).as(what).isEqualTo(none.statusCode()).isEqualTo(400);
                        assertThat(r.body().replace(c, unknown)).as(what).isEqualTo(none.body());
                    }
                    checked++;
                }
            }
        }
        // anonymous and planners are outside some declaration (site figures), everyone admitted is checked
        assertThat(checked).isGreaterThanOrEqualTo(5 * admitted().size());
    }

    @Test
    void coveredDemandOfTheZonesOnlyForFunders() throws Exception {
        for (Caller caller : admitted()) {
            boolean funder = caller.has(Role.FUNDER);
            JsonNode page = json(caller, ZONES + "/items?limit=100");
            assertThat(page.get("numberReturned").asInt()).as(caller.name()).isPositive();
            assertThat(propertyNames(page).contains("demande_couverte")).as(caller.name()).isEqualTo(funder);
            Set<String> queryables = new TreeSet<>();
            json(caller, ZONES + "/queryables").get("properties").fieldNames().forEachRemaining(queryables::add);
            assertThat(queryables).as(caller.name()).contains("score");
            assertThat(queryables.contains("demande_couverte")).as(caller.name()).isEqualTo(funder);
        }
    }

    private static List<VectorTile.Layer.Feature> decode(HttpResponse<byte[]> tile) throws IOException {
        assertThat(tile.statusCode()).isEqualTo(200);
        return new VectorTileCodec().decode(tile.body()).getFeatures().toList();
    }

    @Test
    void zoneTilesCarryTheCoveredDemandOnlyForFundersAndTheCacheNeverMixesThem() throws Exception {
        // The funder's tile first, so that it is in the tile cache when anonymous callers ask.
        HttpResponse<byte[]> funderTile = http.getBytes(Caller.FUNDER_BASIC, ZONES + TILE);
        List<VectorTile.Layer.Feature> funder = decode(funderTile);
        assertThat(funder).isNotEmpty();
        // (MVT has no null: a zone without covered demand has no key; the sample's zones have some.)
        assertThat(funder).anyMatch(f -> f.getAttributes().containsKey("demande_couverte"));
        assertThat(funderTile.headers().firstValue("Cache-Control")).hasValue("private, no-cache");

        for (Caller caller : admitted()) {
            HttpResponse<byte[]> tile = http.getBytes(caller, ZONES + TILE);
            List<VectorTile.Layer.Feature> features = decode(tile);
            assertThat(features).as(caller.name()).hasSameSizeAs(funder);
            assertThat(features).as(caller.name()).allMatch(f -> f.getAttributes().containsKey("score"));
            boolean readable = caller.has(Role.FUNDER);
            assertThat(features.stream().anyMatch(f -> f.getAttributes().containsKey("demande_couverte")))
                    .as(caller.name()).isEqualTo(readable);
            if (!readable) {
                // Not the funder's bytes, nor its entity tag: a conditional request with it gets the full tile.
                assertThat(tile.headers().firstValue("ETag")).as(caller.name())
                        .isNotEqualTo(funderTile.headers().firstValue("ETag"));
                HttpResponse<String> conditional = http.send("GET", ZONES + TILE, null, "Authorization",
                        caller.authorization(), "If-None-Match", funderTile.headers().firstValue("ETag").orElseThrow());
                assertThat(conditional.statusCode()).as(caller.name()).isEqualTo(200);
            }
        }
    }
}
