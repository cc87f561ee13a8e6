package fr.carence.ogc.features;

import static fr.carence.ogc.features.ApiCall.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * OGC API Features end to end (controller, catalogue, read rules, store) on H2GIS and PostGIS,
 * over the communes of Aveyron, Lozère, Tarn and La Réunion. Expected counts come from the
 * source file or from plain Java over every stored feature, never from the SQL under test.
 */
class FeaturesApiTest {

    private static final String ITEMS = "/ogc/collections/communes/items";

    private static ApiCall anonymous(FeatureStore store) {
        return new ApiCall(store, 100, Set.of());
    }

    private static List<Feature> allCommunes(FeatureStore store) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = store.query("communes", FeatureQuery.all().withoutGeometry())) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private static long count(FeatureStore store, Predicate<Feature> p) {
        return allCommunes(store).stream().filter(p).count();
    }

    @BothStores
    void landingConformanceAndCollectionsFollowTheReadRules(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        JsonNode landing = json(api.get("/ogc"));
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertThat(rels).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
        JsonNode conformance = json(api.get("/ogc/conformance"));
        assertThat(conformance.get("conformsTo").toString()).contains("ogcapi-features-1/1.0/conf/core",
                "ogcapi-features-2/1.0/conf/crs", "ogcapi-features-3/1.0/conf/filter", "cql2/1.0/conf/cql2-text");
        JsonNode collections = json(api.get("/ogc/collections"));
        List<String> ids = new ArrayList<>();
        collections.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        // sites_candidats is FUNDER-only: hidden from the anonymous list; massifs has no table in the test store.
        assertThat(ids).containsExactly("communes", "communes_insee", "departements");
        JsonNode communes = json(api.get("/ogc/collections/communes"));
        assertThat(communes.get("crs").toString()).contains(ApiCrs.CRS84, "EPSG/0/4326", "EPSG/0/2154", "EPSG/0/3857");
        assertThat(communes.get("storageCrs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/2154");
        JsonNode bbox = communes.at("/extent/spatial/bbox/0");
        assertThat(bbox.get(0).asDouble()).isBetween(1.4, 1.8);
        assertThat(bbox.get(1).asDouble()).isBetween(-22.5, -21.3);
        MockHttpServletResponse hidden = api.get("/ogc/collections/sites_candidats/items");
        MockHttpServletResponse never = api.get("/ogc/collections/nulle_part/items");
        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(json(hidden).get("description").asText()).isEqualTo(json(never).get("description").asText()
                .replace("nulle_part", "sites_candidats"));
        assertThat(json(never).get("code").asText()).isEqualTo("NotFound");
        assertThat(api.get("/ogc/collections/carence:communes").getStatus()).isEqualTo(404);
        ApiCall funder = new ApiCall(store, 100, Set.of("FUNDER"));
        assertThat(json(funder.get("/ogc/collections")).get("collections").toString()).contains("\"sites_candidats\"");
    }

    @BothStores
    void pagingThroughNextLinksReadsEveryCommuneOnce(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        int expected = OgcTestData.communesTotal();
        Set<String> ids = new HashSet<>();
        MockHttpServletResponse r = api.get(ITEMS, "limit", "100");
        int pages = 0;
        String prev = null;
        while (true) {
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
            assertThat(r.getContentType()).isEqualTo("application/geo+json");
            assertThat(r.getHeader("Content-Crs")).isEqualTo("<" + ApiCrs.CRS84 + ">");
            JsonNode page = json(r);
            assertThat(page.get("numberMatched").asLong()).isEqualTo(expected);
            assertThat(page.get("numberReturned").asInt()).isEqualTo(page.get("features").size());
            page.get("features").forEach(f -> assertThat(ids.add(f.get("id").asText())).isTrue());
            pages++;
            String next = link(page, "next");
            prev = link(page, "prev");
            if (next == null) {
                break;
            }
            r = api.follow(next);
        }
        assertThat(ids).hasSize(expected);
        assertThat(pages).isEqualTo((expected + 99) / 100);
        assertThat(prev).contains("offset=" + ((expected - 1) / 100 * 100 - 100)).contains("limit=100");
        // The default page is 10 features; a limit above the maximum is clamped to it.
        assertThat(json(api.get(ITEMS)).get("numberReturned").asInt()).isEqualTo(10);
        assertThat(json(api.get(ITEMS, "limit", "5000")).get("numberReturned").asInt()).isEqualTo(100);
    }

    @BothStores
    void bboxAndCrsHonourAxisOrder(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        Set<String> lonLat = ids(json(api.get(ITEMS, "bbox", "2.55,44.33,2.60,44.37", "limit", "100")));
        Set<String> latLon = ids(json(api.get(ITEMS, "bbox", "44.33,2.55,44.37,2.60", "bbox-crs",
                "http://www.opengis.net/def/crs/EPSG/0/4326", "limit", "100")));
        assertThat(lonLat).contains("communes.12202").isEqualTo(latLon).hasSizeLessThan(20);
        // Rodez in Lambert-93 (gdaltransform): 666 122, 6 361 377.
        Set<String> lambert = ids(json(api.get(ITEMS, "bbox", "666000,6361300,666200,6361450", "bbox-crs",
                "http://www.opengis.net/def/crs/EPSG/0/2154", "limit", "100")));
        assertThat(lambert).contains("communes.12202");

        MockHttpServletResponse in4326 = api.get(ITEMS + "/communes.12202", "crs", "http://www.opengis.net/def/crs/EPSG/0/4326");
        assertThat(in4326.getHeader("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/4326>");
        JsonNode first = firstPosition(json(in4326));
        assertThat(first.get(0).asDouble()).isBetween(44.2, 44.5);
        assertThat(first.get(1).asDouble()).isBetween(2.4, 2.7);
        JsonNode crs84 = firstPosition(json(api.get(ITEMS + "/communes.12202")));
        assertThat(crs84.get(0).asDouble()).isEqualTo(first.get(1).asDouble());
        JsonNode l93 = firstPosition(json(api.get(ITEMS + "/communes.12202", "crs", "http://www.opengis.net/def/crs/EPSG/0/2154")));
        assertThat(l93.get(0).asDouble()).isBetween(655_000.0, 680_000.0);
        assertThat(l93.get(1).asDouble()).isBetween(6_350_000.0, 6_372_000.0);
        JsonNode mercator = firstPosition(json(api.get(ITEMS + "/communes.12202", "crs", "http://www.opengis.net/def/crs/EPSG/0/3857")));
        // x = R * lon in radians: 2.5° ~ 278 300 m, 2.7° ~ 300 560 m.
        assertThat(mercator.get(0).asDouble()).isBetween(267_000.0, 300_600.0);
    }

    @BothStores
    void cql2TextAndJsonFiltersMatchWhatJavaCounts(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        assertThat(matched(api.get(ITEMS, "filter", "dep = '12'"))).isEqualTo((long) OgcTestData.communesPerDepartement().get("12"));
        long bigInTwoDeps = count(store, f -> f.get("population") != null && (Integer) f.get("population") > 10_000
                && Set.of("12", "81").contains(f.get("dep")));
        assertThat(bigInTwoDeps).isPositive();
        assertThat(matched(api.get(ITEMS, "filter", "population > 10000 AND dep IN ('12', '81')"))).isEqualTo(bigInTwoDeps);
        assertThat(matched(api.get(ITEMS, "filter-lang", "cql2-json", "filter", "{\"op\":\"and\",\"args\":["
                + "{\"op\":\">\",\"args\":[{\"property\":\"population\"},10000]},"
                + "{\"op\":\"in\",\"args\":[{\"property\":\"dep\"},[\"12\",\"81\"]]}]}"))).isEqualTo(bigInTwoDeps);
        long saints = count(store, f -> ((String) f.get("nom")).startsWith("Saint-"));
        assertThat(matched(api.get(ITEMS, "filter", "nom LIKE 'Saint-%'"))).isEqualTo(saints);
        long noEpci = count(store, f -> f.get("epci") == null);
        assertThat(matched(api.get(ITEMS, "filter", "epci IS NULL"))).isEqualTo(noEpci);
        long between = count(store, f -> f.get("population") != null && (Integer) f.get("population") >= 1000
                && (Integer) f.get("population") <= 2000);
        assertThat(matched(api.get(ITEMS, "filter", "population BETWEEN 1000 AND 2000"))).isEqualTo(between);
        // Spatial: the point of Rodez's town hall lies in Rodez only; the same point latitude first with filter-crs 4326.
        assertThat(ids(json(api.get(ITEMS, "filter", "S_INTERSECTS(geom, POINT(2.5750 44.3506))"))))
                .containsExactly("communes.12202");
        assertThat(ids(json(api.get(ITEMS, "filter", "S_INTERSECTS(geom,POINT(44.3506 2.5750))", "filter-crs",
                "http://www.opengis.net/def/crs/EPSG/0/4326")))).containsExactly("communes.12202");
        assertThat(ids(json(api.get(ITEMS, "filter-lang", "cql2-json", "filter", "{\"op\":\"s_intersects\",\"args\":"
                + "[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[2.5750,44.3506]}]}")))).containsExactly("communes.12202");
    }

    @BothStores
    void sortbyOrdersAndScenarioSelectionFollowsWfs(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        Feature biggest = allCommunes(store).stream().filter(f -> f.get("population") != null)
                .max((a, b) -> Integer.compare((Integer) a.get("population"), (Integer) b.get("population"))).orElseThrow();
        JsonNode top = json(api.get(ITEMS, "sortby", "-population", "limit", "1"));
        assertThat(top.at("/features/0/properties/code").asText()).isEqualTo(biggest.id());
        List<String> names = new ArrayList<>();
        json(api.get(ITEMS, "sortby", "+nom", "limit", "20", "filter", "dep = '48'")).get("features")
                .forEach(f -> names.add(f.at("/properties/nom").asText()));
        assertThat(names).hasSize(20);
        TreeSet<String> lozere = new TreeSet<>();
        allCommunes(store).stream().filter(f -> f.get("dep").equals("48")).forEach(f -> lozere.add((String) f.get("nom")));
        assertThat(names.get(0)).isEqualTo(lozere.first());

        ApiCall funder = new ApiCall(store, 100, Set.of("FUNDER"));
        String sites = "/ogc/collections/sites_candidats/items";
        assertThat(matched(funder.get(sites))).isEqualTo(5L);
        assertThat(matched(funder.get(sites, "scenario", "teletravail_fort"))).isEqualTo(3L);
        assertThat(matched(funder.get(sites, "filter", "scenario = 'teletravail_fort' AND rang <= 2"))).isEqualTo(2L);
        // An item of another scenario is read by its id (which names its scenario), and round-trips.
        JsonNode listed = json(funder.get(sites, "scenario", "teletravail_fort", "sortby", "rang", "limit", "1")).at("/features/0");
        String id = listed.get("id").asText();
        assertThat(id).startsWith("sites_candidats.teletravail_fort-003A");
        MockHttpServletResponse one = funder.get(sites + "/" + id);
        assertThat(one.getStatus()).isEqualTo(200);
        assertThat(json(one).get("properties")).isEqualTo(listed.get("properties"));
        assertThat(json(one).at("/properties/rang").asInt()).isEqualTo(1);
        assertThat(anonymous(store).get(sites + "/" + id).getStatus()).isEqualTo(404);
    }

    @BothStores
    void errorsAreJsonExceptionsNamingTheParameter(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        assertBadRequest(api.get(ITEMS, "limit", "abc"), "limit");
        assertBadRequest(api.get(ITEMS, "limt", "5"), "limt");
        assertBadRequest(api.get(ITEMS, "bbox", "1,2,3"), "bbox");
        assertBadRequest(api.get(ITEMS, "bbox", "2.5,44,est,45"), "« est » n'est pas un nombre");
        assertBadRequest(api.get(ITEMS, "bbox-crs", ApiCrs.CRS84), "bbox-crs");
        assertBadRequest(api.get(ITEMS, "crs", "EPSG:9999"), "crs");
        assertBadRequest(api.get(ITEMS, "filter", "population >"), "filter");
        assertBadRequest(api.get(ITEMS, "filter", "dep = '12'", "filter-lang", "ecql"), "filter-lang");
        assertBadRequest(api.get(ITEMS, "sortby", "-inconnue"), "sortby");
        assertBadRequest(api.get(ITEMS, "datetime", "2026-01-01"), "datetime");
        assertBadRequest(api.get(ITEMS, "f", "xml"), "f");
        assertBadRequest(api.get("/ogc/collections/departements/items", "scenario", "x' OR '1'='1"), "paramètre scenario");
        MockHttpServletResponse missing = api.get(ITEMS + "/communes.99999");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(missing).get("description").asText()).contains("communes.99999");
        assertThat(api.get(ITEMS + "/departements.12").getStatus()).isEqualTo(404);
        assertThat(api.get("/ogc/nimporte/quoi").getStatus()).isEqualTo(404);
    }

    @BothStores
    void htmlForBrowsersAndQueryablesAndAValidOpenApiDocument(FeatureStore store) throws Exception {
        ApiCall api = anonymous(store);
        MockHttpServletResponse page = api.html(ITEMS, "filter", "dep='48'", "limit", "3");
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"fr\">", "<table>", "<th>nom</th>", "3 objet(s) sur cette page",
                OgcTestData.communesPerDepartement().get("48") + " au total");
        assertThat(api.get(ITEMS, "f", "html").getContentType()).startsWith("text/html");
        assertThat(api.html("/ogc/collections").getContentAsString(StandardCharsets.UTF_8)).contains("communes_insee");

        MockHttpServletResponse q = api.get("/ogc/collections/communes/queryables");
        assertThat(q.getContentType()).isEqualTo("application/schema+json");
        JsonNode props = json(q).get("properties");
        assertThat(props.at("/code/type").asText()).isEqualTo("string");
        assertThat(props.at("/population/type").asText()).isEqualTo("integer");
        assertThat(props.at("/geom/x-ogc-role").asText()).isEqualTo("primary-geometry");
        assertThat(json(api.get("/ogc/collections/communes_insee/queryables")).get("properties").has("geom")).isFalse();

        MockHttpServletResponse doc = api.get("/ogc/api");
        assertThat(doc.getContentType()).isEqualTo(FeaturesApi.OPENAPI);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.getContentAsString(StandardCharsets.UTF_8));
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/", "/conformance", "/collections", "/collections/{collectionId}",
                "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}",
                "/collections/{collectionId}/queryables");
        assertThat(parsed.getOpenAPI().getComponents().getParameters().get("collectionId").getSchema().getEnum())
                .containsExactly("communes", "communes_insee", "departements");
    }

    private static void assertBadRequest(MockHttpServletResponse r, String parameter) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode e = json(r);
        assertThat(e.get("code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(e.get("description").asText()).contains(parameter);
    }

    private static long matched(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return json(r).get("numberMatched").asLong();
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> out = new TreeSet<>();
        page.get("features").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    private static JsonNode firstPosition(JsonNode feature) {
        JsonNode c = feature.at("/geometry/coordinates");
        while (c.get(0).isArray()) {
            c = c.get(0);
        }
        return c;
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        return null;
    }
}
