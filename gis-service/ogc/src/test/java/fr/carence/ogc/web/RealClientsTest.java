package fr.carence.ogc.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureResultSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GDAL (ogrinfo, ogr2ogr; WFS and OGC API Features) and OWSLib (WFS, OGC API Features) against the running server, as a regional council's GIS
 * team would use it. CountDefault is 100, so reading the 775 communes needs paging. A missing
 * client skips the test with a message, except in CI (CI=true) where it fails.
 */
@SpringBootTest(classes = OgcTestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealClientsTest {

    private static final String PYTHON = "/usr/bin/python3";

    @LocalServerPort
    int port;

    @Autowired
    FeatureStore store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("carence.catalog.dir", () -> SharedData.repoRoot().resolve("geoserver-data").toString());
        r.add("carence.styles.dir", () -> SharedData.repoRoot().resolve("sld-styles").toString());
        r.add("carence.ogc.max-features", () -> "100");
    }

    private String wfsUrl() {
        return "http://127.0.0.1:" + port + "/wfs";
    }

    @Test
    void ogrinfoListsEveryLayerOverWfs20() throws Exception {
        requireTool("/usr/bin/ogrinfo");
        Result r = run(List.of("ogrinfo", "-ro", "-q", "WFS:" + wfsUrl() + "?VERSION=2.0.0"), null);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("carence:communes", "carence:communes_insee", "carence:departements");
        // massifs: no table in the test store; sites_candidats: restricted to FUNDER, hidden from anonymous callers.
        assertThat(r.output).doesNotContain("carence:massifs").doesNotContain("carence:sites_candidats");
    }

    @Test
    void ogrinfoReadsALayerLargerThanOnePage() throws Exception {
        requireTool("/usr/bin/ogrinfo");
        Result r = run(List.of("ogrinfo", "-ro", "-al", "-so", "--config", "OGR_WFS_PAGING_ALLOWED", "ON",
                "WFS:" + wfsUrl() + "?VERSION=2.0.0", "carence:communes"), null);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("Feature Count: " + OgcTestData.communesTotal());
        // Reading every feature (not just the hits count) goes through STARTINDEX paging.
        Result all = run(List.of("ogrinfo", "-ro", "-q", "--config", "OGR_WFS_PAGING_ALLOWED", "ON",
                "WFS:" + wfsUrl() + "?VERSION=2.0.0", "-sql", "SELECT code FROM \"carence:communes\"", "-fields=YES"), null);
        assertThat(all.exit).as(all.output).isZero();
        long features = all.output.lines().filter(l -> l.startsWith("OGRFeature")).count();
        assertThat(features).isEqualTo(OgcTestData.communesTotal());
    }

    @Test
    void ogr2ogrCopiesALayerToGeoPackageWithIdenticalCountsAndAttributes(@TempDir Path tmp) throws Exception {
        requireTool("/usr/bin/ogr2ogr");
        Path out = tmp.resolve("communes.gpkg");
        Result r = run(List.of("ogr2ogr", "-f", "GPKG", out.toString(), "--config", "OGR_WFS_PAGING_ALLOWED", "ON",
                "WFS:" + wfsUrl() + "?VERSION=2.0.0", "carence:communes", "-nln", "communes"), null);
        assertThat(r.exit).as(r.output).isZero();
        try (GeoPackage g = GeoPackageManager.open(out.toFile())) {
            assertThat(g.getFeatureDao("communes").getSrsId()).isEqualTo(2154);
        }
        assertCopyHoldsEveryCommune(out);
    }

    /** The GeoPackage's communes table holds every stored commune, attribute for attribute, each with a geometry. */
    private void assertCopyHoldsEveryCommune(Path gpkg) throws Exception {
        Map<String, Feature> expected = new HashMap<>();
        try (FeatureCursor c = store.query("communes", FeatureQuery.all())) {
            c.forEachRemaining(f -> expected.put(f.id(), f));
        }
        Map<String, Map<String, Object>> copied = new HashMap<>();
        try (GeoPackage g = GeoPackageManager.open(gpkg.toFile())) {
            FeatureResultSet rs = g.getFeatureDao("communes").queryForAll();
            try {
                while (rs.moveToNext()) {
                    var row = rs.getRow();
                    Map<String, Object> values = new HashMap<>();
                    for (String col : List.of("code", "nom", "dep", "reg", "epci", "population")) {
                        values.put(col, row.getValue(col));
                    }
                    double area = row.getGeometry().getGeometry() == null ? 0 : 1;
                    values.put("has_geometry", area);
                    copied.put((String) row.getValue("code"), values);
                }
            } finally {
                rs.close();
            }
        }
        assertThat(copied).hasSize(expected.size()).hasSize(OgcTestData.communesTotal());
        for (Feature f : expected.values()) {
            Map<String, Object> c = copied.get(f.id());
            assertThat(c).as(f.id()).isNotNull();
            assertThat(c.get("nom")).isEqualTo(f.get("nom"));
            assertThat(c.get("dep")).isEqualTo(f.get("dep"));
            assertThat(c.get("epci")).isEqualTo(f.get("epci"));
            assertThat(c.get("population") == null ? null : ((Number) c.get("population")).intValue()).isEqualTo(f.get("population"));
            assertThat(c.get("has_geometry")).isEqualTo(1.0);
        }
    }

    @Test
    void owslibParsesCapabilitiesAndFetchesFeatures(@TempDir Path tmp) throws Exception {
        requireTool(PYTHON);
        Path script = tmp.resolve("owslib_check.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from owslib.wfs import WebFeatureService",
                "from lxml import etree",
                "wfs = WebFeatureService(sys.argv[1], version='2.0.0')",
                "print('TITLE', wfs.identification.title)",
                "for name in sorted(wfs.contents):",
                "    print('LAYER', name, wfs.contents[name].title)",
                "print('OPS', ','.join(sorted(op.name for op in wfs.operations)))",
                "print('URL', wfs.getOperationByName('GetFeature').methods[0]['url'])",
                "resp = wfs.getfeature(typename=['carence:communes'], maxfeatures=5, startindex=10, sortby=['nom'])",
                "doc = etree.fromstring(resp.read())",
                "ns = {'wfs': 'http://www.opengis.net/wfs/2.0', 'c': 'https://carence.beta.gouv.fr/carence'}",
                "print('MEMBERS', len(doc.findall('wfs:member', ns)))",
                "print('MATCHED', doc.get('numberMatched'))",
                "print('FIRST', doc.find('wfs:member/c:communes/c:nom', ns).text)",
                ""));
        Result r = run(List.of(PYTHON, script.toString(), wfsUrl()), null);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("LAYER carence:communes Communes").doesNotContain("carence:sites_candidats");
        assertThat(r.output).containsPattern("OPS .*DescribeFeatureType,DescribeStoredQueries,GetCapabilities,GetFeature,GetPropertyValue,.*ListStoredQueries");
        assertThat(r.output).contains("URL " + wfsUrl() + "\n");
        assertThat(r.output).contains("MEMBERS 5", "MATCHED " + OgcTestData.communesTotal());
        // Sorted by name from the 11th: independently, the store's own sort gives the same commune.
        List<String> names = new ArrayList<>();
        try (FeatureCursor c = store.query("communes", FeatureQuery.all().withSort(List.of(new FeatureQuery.SortKey("nom", true)))
                .withPage(10, 1))) {
            c.forEachRemaining(f -> names.add((String) f.get("nom")));
        }
        assertThat(r.output).contains("FIRST " + names.get(0) + "\n");
    }

    private String apiUrl() {
        return "http://127.0.0.1:" + port + "/ogc";
    }

    @Test
    void ogrinfoListsTheOgcApiCollectionsAndReadsCommunesThroughPaging() throws Exception {
        requireTool("/usr/bin/ogrinfo");
        Result list = run(List.of("ogrinfo", "-ro", "-q", "OAPIF:" + apiUrl()), null);
        assertThat(list.exit).as(list.output).isZero();
        assertThat(list.output).contains("communes", "communes_insee", "departements").doesNotContain("sites_candidats");
        // The server pages by at most 100 (carence.ogc.max-features): reading 775 communes follows next links.
        Result all = run(List.of("ogrinfo", "-ro", "-q", "OAPIF:" + apiUrl(), "communes", "-fields=YES", "-geom=NO"), null);
        assertThat(all.exit).as(all.output).isZero();
        assertThat(all.output.lines().filter(l -> l.startsWith("OGRFeature")).count()).isEqualTo(OgcTestData.communesTotal());
    }

    @Test
    void ogr2ogrCopiesTheOgcApiCommunesWithIdenticalCountsAndAttributes(@TempDir Path tmp) throws Exception {
        requireTool("/usr/bin/ogr2ogr");
        Path out = tmp.resolve("communes-oapif.gpkg");
        Result r = run(List.of("ogr2ogr", "-f", "GPKG", out.toString(), "OAPIF:" + apiUrl(), "communes", "-nln", "communes"), null);
        assertThat(r.exit).as(r.output).isZero();
        try (GeoPackage g = GeoPackageManager.open(out.toFile())) {
            // The API's default CRS is CRS84, which GDAL stores as EPSG:4326.
            assertThat(g.getFeatureDao("communes").getSrsId()).isEqualTo(4326);
        }
        assertCopyHoldsEveryCommune(out);
    }

    @Test
    void owslibListsCollectionsAndReadsItems(@TempDir Path tmp) throws Exception {
        requireTool(PYTHON);
        Path script = tmp.resolve("owslib_oapif.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from owslib.ogcapi.features import Features",
                "api = Features(sys.argv[1])",
                "print('COLLECTIONS', ','.join(sorted(api.feature_collections())))",
                "print('CORE', any(c.endswith('/conf/core') for c in api.conformance()['conformsTo']))",
                "items = api.collection_items('communes', limit=5, offset=10, sortby='nom')",
                "print('RETURNED', items['numberReturned'], 'MATCHED', items['numberMatched'])",
                "print('FIRST', items['features'][0]['properties']['nom'])",
                "one = api.collection_item('communes', 'communes.12202')",
                "print('ONE', one['properties']['nom'])",
                "q = api.collection_queryables('communes')",
                "print('QUERYABLES', ','.join(sorted(q['properties'])))",
                ""));
        Result r = run(List.of(PYTHON, script.toString(), apiUrl()), null);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("COLLECTIONS communes,communes_insee,departements\n", "CORE True",
                "RETURNED 5 MATCHED " + OgcTestData.communesTotal(), "ONE Rodez", "QUERYABLES code,dep,epci,geom,nom,population,reg");
        List<String> names = new ArrayList<>();
        try (FeatureCursor c = store.query("communes", FeatureQuery.all().withSort(List.of(new FeatureQuery.SortKey("nom", true)))
                .withPage(10, 1))) {
            c.forEachRemaining(f -> names.add((String) f.get("nom")));
        }
        assertThat(r.output).contains("FIRST " + names.get(0) + "\n");
    }

    /** OGC API - Tiles as a client discovers it: conformance, collection link, tileset, tile template. */
    @Test
    void theCollectionLinksToItsVectorTilesetWhoseTileTemplateGivesADecodableTile() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> get = url -> {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as(url).isEqualTo(200);
                return mapper.readTree(r.body());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(get.apply(apiUrl() + "/conformance").get("conformsTo").toString()).contains(
                "ogcapi-tiles-1/1.0/conf/core", "ogcapi-tiles-1/1.0/conf/tileset", "ogcapi-tiles-1/1.0/conf/tilesets-list",
                "ogcapi-tiles-1/1.0/conf/geodata-tilesets", "ogcapi-tiles-1/1.0/conf/mvt");
        assertThat(href(get.apply(apiUrl()), "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes"))
                .isEqualTo(apiUrl() + "/tileMatrixSets");
        assertThat(href(get.apply(apiUrl() + "/collections/communes_insee"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"))
                .as("no geometry, no tiles").isNull();
        String tilesets = href(get.apply(apiUrl() + "/collections/communes"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        assertThat(tilesets).isEqualTo(apiUrl() + "/collections/communes/tiles");
        String tileset = href(get.apply(tilesets).get("tilesets").get(0), "self");
        String template = href(get.apply(tileset), "item");
        // Rodez at zoom 10: tile row 370, column 519 (slippy-map formula).
        String tile = template.replace("{tileMatrix}", "10").replace("{tileRow}", "370").replace("{tileCol}", "519");
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(tile)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        List<String> codes = new io.tileverse.vectortile.mvt.VectorTileCodec().decode(r.body()).getFeatures()
                .map(f -> (String) f.getAttribute("code")).toList();
        assertThat(codes).contains("12202");
    }

    /** GDAL's MVT driver reads a tile as served (laid out as {z}/{x}/{y}.pbf so GDAL georeferences it). */
    @Test
    void gdalReadsTheVectorTiles(@TempDir Path tmp) throws Exception {
        requireTool("/usr/bin/ogrinfo");
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                apiUrl() + "/collections/communes/tiles/WebMercatorQuad/10/370/519")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        Path file = Files.createDirectories(tmp.resolve("10/519")).resolve("370.pbf");
        Files.write(file, r.body());
        Result one = run(List.of("ogrinfo", "-ro", "-al", file.toString()), null);
        assertThat(one.exit).as(one.output).isZero();
        assertThat(one.output).contains("Layer name: communes", "code (String) = 12202", "nom (String) = Rodez",
                "MULTIPOLYGON");
    }

    private static String href(com.fasterxml.jackson.databind.JsonNode doc, String rel) {
        for (var l : doc.get("links")) {
            if (rel.equals(l.get("rel").asText())) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    private static void requireTool(String path) {
        if (Files.isExecutable(Path.of(path))) {
            return;
        }
        String message = path + " is not installed (Debian: gdal-bin, python3-owslib)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + message);
        }
        System.err.println("*** SKIPPING: " + message);
        Assumptions.abort(message);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        pb.environment().put("CPL_DEBUG", "OFF");
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
