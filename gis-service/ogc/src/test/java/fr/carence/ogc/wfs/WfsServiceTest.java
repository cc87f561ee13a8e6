package fr.carence.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.testdata.OgcSchemas;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.testdata.Xml;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.assertj.core.data.Offset;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * WFS 2.0 operations end to end over a real store (H2GIS and PostGIS) holding the communes of
 * Aveyron, Lozère, Tarn and La Réunion. CountDefault is 100 so the 775 communes span pages.
 */
class WfsServiceTest {

    private static final String COMMUNES = "carence:communes";
    private static final String RODEZ_LAT_LON = "44.3506 2.5750";

    private static WfsCall wfs(FeatureStore store) {
        return new WfsCall(store, 100);
    }

    /** For tests that read whole layers in one response. */
    private static WfsCall wide(FeatureStore store) {
        return new WfsCall(store, 10_000);
    }

    @BothStores
    void capabilitiesListThePublishedLayersThatExist(FeatureStore store) throws Exception {
        MockHttpServletResponse r = wfs(store).get("REQUEST", "GetCapabilities");
        assertThat(r.getStatus()).isEqualTo(200);
        Xml x = new Xml(r.getContentAsByteArray());
        assertThat(x.texts("//wfs:FeatureType/wfs:Name"))
                .containsExactly("carence:communes", "carence:communes_insee", "carence:departements", "carence:sites_candidats");
        assertThat(x.text("//ows:Constraint[@name='ImplementsResultPaging']/ows:DefaultValue")).isEqualTo("TRUE");
        assertThat(x.text("//ows:Constraint[@name='CountDefault']/ows:DefaultValue")).isEqualTo("100");
        assertThat(x.texts("//ows:Operation/ows:DCP/ows:HTTP/*/@xlink:href")).allSatisfy(u -> assertThat(u).isEqualTo(WfsCall.BASE_URL));
        assertThat(x.text("//wfs:FeatureType[wfs:Name='carence:communes']/wfs:DefaultCRS")).isEqualTo("urn:ogc:def:crs:EPSG::2154");
        assertThat(x.texts("//wfs:FeatureType[wfs:Name='carence:communes']/wfs:OtherCRS")).containsExactly(
                "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::5490",
                "urn:ogc:def:crs:EPSG::2972", "urn:ogc:def:crs:EPSG::2975", "urn:ogc:def:crs:EPSG::4471");
        assertThat(x.texts("//ows:Operation[@name='GetFeature']/ows:Parameter[@name='outputFormat']//ows:Value"))
                .containsExactly("application/gml+xml; version=3.2", "application/json", "text/csv", "application/geopackage+sqlite3");
        // Aveyron/Tarn/Lozère plus La Réunion: the extent spans from about 1.5°E to 55.8°E.
        String[] lower = x.text("//wfs:FeatureType[wfs:Name='carence:communes']/ows:WGS84BoundingBox/ows:LowerCorner").split(" ");
        String[] upper = x.text("//wfs:FeatureType[wfs:Name='carence:communes']/ows:WGS84BoundingBox/ows:UpperCorner").split(" ");
        assertThat(Double.parseDouble(lower[0])).isBetween(1.4, 1.8);
        assertThat(Double.parseDouble(lower[1])).isBetween(-22.5, -21.3);
        assertThat(Double.parseDouble(upper[0])).isBetween(55.7, 55.9);
        assertThat(Double.parseDouble(upper[1])).isBetween(44.9, 45.0);
        assertThat(x.count("//wfs:FeatureType[wfs:Name='carence:communes_insee']/ows:WGS84BoundingBox")).isZero();
        assertThat(OgcSchemas.validate(r.getContentAsByteArray(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of()))
                .isEmpty();
    }

    @BothStores
    void pagingFollowsNextLinksOverEveryCommune(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        int expected = OgcTestData.communesTotal();
        Set<String> ids = new HashSet<>();
        Map<String, String> params = kvp("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "SRSNAME", "urn:ogc:def:crs:EPSG::2154",
                "COUNT", "100", "STARTINDEX", "0", "PROPERTYNAME", "code");
        int pages = 0;
        while (params != null) {
            MockHttpServletResponse r = wfs.call(params);
            assertThat(r.getStatus()).isEqualTo(200);
            Xml x = new Xml(r.getContentAsByteArray());
            assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(Integer.toString(expected));
            List<String> page = x.texts("//wfs:member/carence:communes/@gml:id");
            assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo(Integer.toString(page.size()));
            assertThat(page.size()).isEqualTo(Math.min(100, expected - pages * 100));
            ids.addAll(page);
            if (pages > 0) {
                assertThat(x.text("/wfs:FeatureCollection/@previous")).contains("STARTINDEX=" + (pages - 1) * 100);
            }
            String next = x.text("/wfs:FeatureCollection/@next");
            params = next.isEmpty() ? null : parse(next);
            pages++;
        }
        assertThat(pages).isEqualTo((expected + 99) / 100);
        assertThat(ids).hasSize(expected);
    }

    @BothStores
    void hitsCountExactly(FeatureStore store) throws Exception {
        Xml x = new Xml(wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "RESULTTYPE", "hits").getContentAsByteArray());
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(Integer.toString(OgcTestData.communesTotal()));
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("0");
        assertThat(x.count("//wfs:member")).isZero();
        Xml lozere = new Xml(wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "RESULTTYPE", "hits",
                "FILTER", eq("dep", "48")).getContentAsByteArray());
        assertThat(lozere.text("/wfs:FeatureCollection/@numberMatched"))
                .isEqualTo(Integer.toString(OgcTestData.communesPerDepartement().get("48")));
    }

    @BothStores
    void hugeUnfilteredTablesReportUnknownAndStillPage(FeatureStore store) throws Exception {
        WfsCall wfs = new WfsCall(store, 100, 10); // every table counts as "huge" here
        Xml first = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "PROPERTYNAME", "code").getContentAsByteArray());
        assertThat(first.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("unknown");
        assertThat(first.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("100");
        assertThat(first.text("/wfs:FeatureCollection/@next")).contains("STARTINDEX=100");
        int total = OgcTestData.communesTotal();
        Xml last = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "PROPERTYNAME", "code",
                "STARTINDEX", Integer.toString(total - 5)).getContentAsByteArray());
        assertThat(last.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(Integer.toString(total));
        assertThat(last.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("5");
        assertThat(last.text("/wfs:FeatureCollection/@next")).isEmpty();
        // hits on the huge unfiltered table: the store's documented estimate; filtered: exact.
        Xml hits = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "RESULTTYPE", "hits").getContentAsByteArray());
        assertThat(hits.text("/wfs:FeatureCollection/@numberMatched"))
                .isEqualTo(Long.toString(store.estimatedCount("communes").orElseThrow()));
        Xml filtered = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "RESULTTYPE", "hits",
                "FILTER", eq("dep", "48")).getContentAsByteArray());
        assertThat(filtered.text("/wfs:FeatureCollection/@numberMatched"))
                .isEqualTo(Integer.toString(OgcTestData.communesPerDepartement().get("48")));
    }

    /** Rodez's first coordinate in each spelling: lat/lon for URN/URL forms, lon/lat otherwise. */
    @BothStores
    void outputAxisOrderFollowsSrsName(FeatureStore store) throws Exception {
        Map<String, double[]> expected = new LinkedHashMap<>();
        expected.put("EPSG:4326", new double[] {2.5, 2.7, 44.3, 44.4});
        expected.put("CRS:84", new double[] {2.5, 2.7, 44.3, 44.4});
        expected.put("urn:ogc:def:crs:EPSG::4326", new double[] {44.3, 44.4, 2.5, 2.7});
        expected.put("urn:x-ogc:def:crs:EPSG:4326", new double[] {44.3, 44.4, 2.5, 2.7});
        expected.put("http://www.opengis.net/def/crs/EPSG/0/4326", new double[] {44.3, 44.4, 2.5, 2.7});
        expected.put("urn:ogc:def:crs:EPSG::2154", new double[] {660_000, 675_000, 6_355_000, 6_375_000});
        expected.put("urn:ogc:def:crs:EPSG::3857", new double[] {280_000, 300_000, 5_510_000, 5_530_000});
        for (var e : expected.entrySet()) {
            Xml x = new Xml(wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "RESOURCEID", "communes.12202",
                    "SRSNAME", e.getKey()).getContentAsByteArray());
            assertThat(x.text("//gml:MultiSurface/@srsName")).isEqualTo(e.getKey());
            String[] pos = x.texts("//gml:posList").get(0).trim().split("\\s+");
            double[] b = e.getValue();
            assertThat(Double.parseDouble(pos[0])).as(e.getKey()).isBetween(b[0], b[1]);
            assertThat(Double.parseDouble(pos[1])).as(e.getKey()).isBetween(b[2], b[3]);
        }
    }

    /** The same box around Rodez in five spellings selects the same communes. */
    @BothStores
    void bboxParameterAxisOrderFollowsItsCrs(FeatureStore store) throws Exception {
        List<String> reference = bboxIds(store, "655000,6350000,680000,6380000");
        assertThat(reference).contains("communes.12202").hasSizeBetween(5, 60);
        assertThat(bboxIds(store, "655000,6350000,680000,6380000,urn:ogc:def:crs:EPSG::2154")).isEqualTo(reference);
        List<String> lonLat = bboxIds(store, "2.45,44.30,2.70,44.42,EPSG:4326");
        List<String> latLon = bboxIds(store, "44.30,2.45,44.42,2.70,urn:ogc:def:crs:EPSG::4326");
        assertThat(lonLat).contains("communes.12202").isEqualTo(latLon)
                .isEqualTo(bboxIds(store, "44.30,2.45,44.42,2.70,http://www.opengis.net/def/crs/EPSG/0/4326"))
                .isEqualTo(bboxIds(store, "2.45,44.30,2.70,44.42,CRS:84"));
        // Latitude first under EPSG:4326 (lon/lat) points at the Indian Ocean: nothing there.
        assertThat(bboxIds(store, "44.30,2.45,44.42,2.70,EPSG:4326")).isEmpty();
    }

    private List<String> bboxIds(FeatureStore store, String bbox) throws Exception {
        MockHttpServletResponse r = wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "BBOX", bbox, "PROPERTYNAME", "code");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return new Xml(r.getContentAsByteArray()).texts("//carence:communes/@gml:id");
    }

    @BothStores
    void filtersCompileAndRun(FeatureStore store) throws Exception {
        WfsCall wfs = wide(store);
        String point = "<gml:Point gml:id=\"p\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" + RODEZ_LAT_LON + "</gml:pos></gml:Point>";
        assertThat(ids(wfs, filter("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>" + point + "</fes:Intersects>")))
                .containsExactly("communes.12202");
        assertThat(ids(wfs, filter("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point gml:id=\"p\" "
                + "srsName=\"EPSG:4326\"><gml:pos>2.5750 44.3506</gml:pos></gml:Point></fes:Intersects>"))).containsExactly("communes.12202");
        List<String> near = ids(wfs, filter("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>" + point
                + "<fes:Distance uom=\"m\">5000</fes:Distance></fes:DWithin>"));
        assertThat(near).contains("communes.12202").hasSizeGreaterThan(3);
        List<String> beyond = ids(wfs, filter("<fes:And><fes:Beyond><fes:ValueReference>geom</fes:ValueReference>" + point
                + "<fes:Distance uom=\"m\">5000</fes:Distance></fes:Beyond>" + eqBody("dep", "12") + "</fes:And>"));
        assertThat(beyond).doesNotContainAnyElementsOf(near)
                .hasSize(OgcTestData.communesPerDepartement().get("12") - (int) near.stream().filter(i -> i.startsWith("communes.12")).count());
        assertThat(ids(wfs, filter("<fes:PropertyIsLike wildCard=\"*\" singleChar=\"?\" escapeChar=\"\\\">"
                + "<fes:ValueReference>nom</fes:ValueReference><fes:Literal>Rode?</fes:Literal></fes:PropertyIsLike>")))
                .containsExactly("communes.12202");
        List<String> big = ids(wfs, filter("<fes:And><fes:PropertyIsGreaterThanOrEqualTo><fes:ValueReference>population</fes:ValueReference>"
                + "<fes:Literal>20000</fes:Literal></fes:PropertyIsGreaterThanOrEqualTo><fes:Not>" + eqBody("dep", "974") + "</fes:Not></fes:And>"));
        assertThat(big).contains("communes.12202", "communes.81004", "communes.81065").allMatch(i -> !i.startsWith("communes.974"));
        List<String> between = ids(wfs, filter("<fes:PropertyIsBetween><fes:ValueReference>population</fes:ValueReference>"
                + "<fes:LowerBoundary><fes:Literal>20000</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>1000000</fes:Literal>"
                + "</fes:UpperBoundary></fes:PropertyIsBetween>"));
        assertThat(between).containsAll(big);
        assertThat(ids(wfs, filter("<fes:ResourceId rid=\"communes.12202\"/><fes:ResourceId rid=\"communes.48095\"/>")))
                .containsExactlyInAnyOrder("communes.12202", "communes.48095");
        assertThat(ids(wfs, filter("<fes:Within><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"EPSG:4326\">"
                + "<gml:lowerCorner>1 43</gml:lowerCorner><gml:upperCorner>4 46</gml:upperCorner></gml:Envelope></fes:Within>")))
                .hasSize(OgcTestData.communesTotal() - OgcTestData.communesPerDepartement().get("974"));
    }

    @BothStores
    void propertyNameSortByAndResourceId(FeatureStore store) throws Exception {
        Xml x = new Xml(wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "PROPERTYNAME", "carence:nom,population",
                "SORTBY", "population DESC", "COUNT", "20").getContentAsByteArray());
        assertThat(x.count("//carence:geom")).isZero();
        assertThat(x.count("//carence:dep")).isZero();
        List<Integer> pops = x.texts("//carence:population").stream().map(Integer::parseInt).toList();
        assertThat(pops).hasSize(20).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(x.texts("//carence:nom").get(0)).isEqualTo("Saint-Denis");
        Xml ids = new Xml(wfs(store).get("REQUEST", "GetFeature", "RESOURCEID", "communes.12202,departements.48")
                .getContentAsByteArray());
        assertThat(ids.texts("//wfs:member/*/@gml:id")).containsExactly("communes.12202", "departements.48");
    }

    @BothStores
    void resultLayersSelectTheDefaultScenarioUnlessAskedOtherwise(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        Xml def = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "sites_candidats").getContentAsByteArray());
        assertThat(def.texts("//carence:scenario")).hasSize(5).containsOnly("defaut");
        Xml other = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "sites_candidats", "SCENARIO", "teletravail_fort")
                .getContentAsByteArray());
        assertThat(other.texts("//carence:scenario")).hasSize(3).containsOnly("teletravail_fort");
        Xml byFilter = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "sites_candidats",
                "FILTER", eq("scenario", "teletravail_fort")).getContentAsByteArray());
        assertThat(byFilter.texts("//carence:scenario")).hasSize(3).containsOnly("teletravail_fort");
        assertThat(def.texts("//carence:sites_candidats/@gml:id")).allMatch(id -> id.startsWith("sites_candidats.defaut-003A"));
    }

    @BothStores
    void geoJsonIsLonLatWgs84ByDefault(FeatureStore store) throws Exception {
        MockHttpServletResponse r = wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "RESOURCEID", "communes.12202",
                "OUTPUTFORMAT", "application/json");
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(r.getContentAsByteArray());
        assertThat(json.get("numberMatched").asInt()).isEqualTo(1);
        assertThat(json.has("crs")).isFalse();
        JsonNode f = json.get("features").get(0);
        assertThat(f.get("id").asText()).isEqualTo("communes.12202");
        assertThat(f.get("properties").get("nom").asText()).isEqualTo("Rodez");
        assertThat(f.get("properties").get("population").isInt()).isTrue();
        JsonNode c = f.get("geometry").get("coordinates").get(0).get(0).get(0);
        assertThat(c.get(0).asDouble()).isCloseTo(2.57, Offset.offset(0.1));
        assertThat(c.get(1).asDouble()).isCloseTo(44.35, Offset.offset(0.1));
        JsonNode l93 = new ObjectMapper().readTree(wfs(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES,
                "RESOURCEID", "communes.12202", "OUTPUTFORMAT", "json", "SRSNAME", "EPSG:2154").getContentAsByteArray());
        assertThat(l93.get("crs").get("properties").get("name").asText()).isEqualTo("EPSG:2154");
    }

    @BothStores
    void csvAndGeoPackage(FeatureStore store) throws Exception {
        int lozere = OgcTestData.communesPerDepartement().get("48");
        MockHttpServletResponse csv = wide(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "OUTPUTFORMAT", "csv",
                "FILTER", eq("dep", "48"));
        String[] lines = csv.getContentAsString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("FID,code,nom,dep,reg,epci,population,geom");
        assertThat(lines).hasSize(lozere + 1);
        assertThat(lines[1]).startsWith("communes.48").contains("MULTIPOLYGON ((");
        assertThat(csv.getHeader("Content-Disposition")).contains("communes.csv");

        MockHttpServletResponse gpkg = wide(store).get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES + ",carence:communes_insee",
                "OUTPUTFORMAT", "application/geopackage+sqlite3", "FILTER", "(" + eq("dep", "48") + ")(" + eq("dep", "48") + ")");
        assertThat(gpkg.getStatus()).isEqualTo(200);
        Path file = Files.createTempFile("wfs-test", ".gpkg");
        try {
            Files.write(file, gpkg.getContentAsByteArray());
            try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
                assertThat(g.getFeatureDao("communes").count()).isEqualTo(lozere);
                assertThat(g.getFeatureDao("communes").getSrsId()).isEqualTo(2154);
                assertThat(g.getAttributesDao("communes_insee").count()).isEqualTo(lozere);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @BothStores
    void describeFeatureTypeValidatesTheGmlOutput(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        String types = "carence:communes,carence:sites_candidats,carence:communes_insee";
        MockHttpServletResponse dft = wfs.get("REQUEST", "DescribeFeatureType", "TYPENAME", types);
        Xml schema = new Xml(dft.getContentAsByteArray());
        assertThat(schema.texts("/xsd:schema/xsd:element/@name")).containsExactly("communes", "sites_candidats", "communes_insee");
        assertThat(schema.text("//xsd:complexType[@name='sites_candidatsType']//xsd:element[@name='geom']/@type")).isEqualTo("gml:PointPropertyType");
        MockHttpServletResponse features = wfs.get("REQUEST", "GetFeature", "TYPENAMES", types, "COUNT", "60", "STARTINDEX", "770");
        assertThat(new Xml(features.getContentAsByteArray()).count("//wfs:member")).isEqualTo(60);
        String location = schemaLocationOf(features.getContentAsString(StandardCharsets.UTF_8));
        MockHttpServletResponse dftForLocation = wfs.call(parse(location));
        List<String> errors = OgcSchemas.validate(features.getContentAsByteArray(),
                List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd", location),
                Map.of(location, dftForLocation.getContentAsString(StandardCharsets.UTF_8)));
        assertThat(errors).isEmpty();
    }

    private static String schemaLocationOf(String xml) {
        int i = xml.indexOf("xsi:schemaLocation=\"");
        String value = xml.substring(i + 20, xml.indexOf('"', i + 20)).replace("&amp;", "&");
        String[] parts = value.split("\\s+");
        return parts[parts.length - 1];
    }

    @BothStores
    void getPropertyValueAndStoredQueries(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        byte[] valueBytes = wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", COMMUNES, "VALUEREFERENCE", "nom",
                "FILTER", eq("dep", "48"), "SORTBY", "nom", "COUNT", "3").getContentAsByteArray();
        assertThat(OgcSchemas.validate(valueBytes, List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of())).isEmpty();
        Xml values = new Xml(valueBytes);
        Xml geometries = new Xml(wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", COMMUNES, "VALUEREFERENCE", "geom",
                "RESOURCEID", "communes.12202", "SRSNAME", "EPSG:4326").getContentAsByteArray());
        assertThat(geometries.count("//wfs:member/gml:MultiSurface")).isEqualTo(1);
        assertThat(values.texts("//wfs:member")).hasSize(3).isSorted();
        assertThat(values.text("/wfs:ValueCollection/@numberMatched")).isEqualTo(Integer.toString(OgcTestData.communesPerDepartement().get("48")));

        Xml list = new Xml(wfs.get("REQUEST", "ListStoredQueries").getContentAsByteArray());
        assertThat(list.text("//wfs:StoredQuery/@id")).isEqualTo(StoredQueries.GET_FEATURE_BY_ID);
        Xml describe = new Xml(wfs.get("REQUEST", "DescribeStoredQueries").getContentAsByteArray());
        assertThat(describe.text("//wfs:Parameter/@name")).isEqualTo("ID");

        MockHttpServletResponse byId = wfs.get("REQUEST", "GetFeature", "STOREDQUERY_ID", StoredQueries.GET_FEATURE_BY_ID,
                "ID", "communes.12202");
        Xml feature = new Xml(byId.getContentAsByteArray());
        assertThat(feature.text("/carence:communes/carence:nom")).isEqualTo("Rodez");
        MockHttpServletResponse missing = wfs.get("REQUEST", "GetFeature", "STOREDQUERY_ID", StoredQueries.GET_FEATURE_BY_ID,
                "ID", "communes.99999");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(new Xml(missing.getContentAsByteArray()).text("//ows:Exception/@exceptionCode")).isEqualTo("NotFound");
    }

    @BothStores
    void errorsAreOwsExceptionReportsWithLocators(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "carence:inconnue"), 400, "InvalidParameterValue", "typeNames");
        // Catalogued, but its table was never loaded: not published, not an internal error.
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "carence:massifs"), 400, "InvalidParameterValue", "typeNames");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "FILTER", eq("habitants", "1")), 400,
                "InvalidParameterValue", "FILTER");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "SORTBY", "habitants"), 400, "InvalidParameterValue", "sortBy");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "SRSNAME", "EPSG:0"), 400, "InvalidParameterValue", "srsName");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "BBOX", "1,2,3"), 400, "InvalidParameterValue", "BBOX");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "COUNT", "-1"), 400, "InvalidParameterValue", "COUNT");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "OUTPUTFORMAT", "shape-zip"), 400,
                "InvalidParameterValue", "outputFormat");
        assertError(wfs.get("REQUEST", "GetFeature"), 400, "MissingParameterValue", "typeNames");
        assertError(wfs.get("REQUEST", "Transaction"), 400, "OperationNotSupported", "request");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "FILTER",
                eq("population", "beaucoup")), 400, "InvalidParameterValue", null);
    }

    private static void assertError(MockHttpServletResponse r, int status, String code, String locator) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        Xml x = new Xml(r.getContentAsByteArray());
        assertThat(x.text("/ows:ExceptionReport/@version")).isEqualTo("2.0.0");
        assertThat(x.text("//ows:Exception/@exceptionCode")).isEqualTo(code);
        if (locator != null) {
            assertThat(x.text("//ows:Exception/@locator")).isEqualTo(locator);
        }
        assertThat(r.getContentAsString()).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    // --- helpers ---

    private static List<String> ids(WfsCall wfs, String filter) throws Exception {
        MockHttpServletResponse r = wfs.get("REQUEST", "GetFeature", "TYPENAMES", COMMUNES, "FILTER", filter,
                "PROPERTYNAME", "code", "COUNT", "1000");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return new Xml(r.getContentAsByteArray()).texts("//carence:communes/@gml:id");
    }

    static String filter(String body) {
        return "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">" + body + "</fes:Filter>";
    }

    static String eqBody(String property, String value) {
        return "<fes:PropertyIsEqualTo><fes:ValueReference>" + property + "</fes:ValueReference><fes:Literal>" + value
                + "</fes:Literal></fes:PropertyIsEqualTo>";
    }

    static String eq(String property, String value) {
        return filter(eqBody(property, value));
    }

    private static Map<String, String> kvp(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SERVICE", "WFS");
        m.put("VERSION", "2.0.0");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> parse(String url) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
