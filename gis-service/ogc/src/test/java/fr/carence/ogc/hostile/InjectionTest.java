package fr.carence.ogc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.testdata.Xml;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * SQL, XPath and XML injection payloads in every WFS and WMS parameter, on H2GIS and PostGIS.
 * Each request must get a clean exception report or its correct answer (a payload in a value
 * position is just a value: it matches nothing), must never show data of another table, and
 * afterwards every layer must be intact: same row counts, and a canary layer (fixture) still
 * holding its row.
 */
class InjectionTest {

    private static final String CANARY = "fixture_canary";
    private static final String CANARY_SECRET = "canari-secret-7f3a";

    static final List<String> SQL = List.of(
            "'; DROP TABLE communes; --",
            "communes; DROP TABLE " + CANARY,
            "\" OR 1=1 --",
            "1 OR 1=1",
            "nom) ; DELETE FROM communes; --",
            "nom DESC; DROP TABLE " + CANARY + " --",
            "x' UNION SELECT code FROM " + CANARY + " --",
            "nom\" FROM " + CANARY + " --",
            "1; SELECT pg_sleep(30)",
            "carence_layers",
            "information_schema.tables",
            "' or '1'='1",
            "//*[local-name()='x'] | //*",
            "../../../../etc/passwd",
            "<x xmlns=\"y\"/>",
            "]]><!--",
            "%27%3B%20DROP%20TABLE%20communes");

    private FeatureStore store;
    private Map<String, Long> countsBefore;

    private void setUp(FeatureStore s) {
        store = s;
        OgcTestData.load(store);
        if (store.schema(CANARY).isEmpty()) {
            LayerSchema schema = new LayerSchema(CANARY, List.of(Attribute.required("id", AttributeType.STRING),
                    Attribute.required("secret", AttributeType.STRING)), GeometryType.NONE, "id");
            try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "made-up canary", null))) {
                w.write(new Feature("1", null, Map.of("id", "1", "secret", CANARY_SECRET)));
                w.commit();
            }
        }
        countsBefore = counts();
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String layer : store.layerNames()) {
            m.put(layer, store.count(layer, FeatureQuery.all()));
        }
        return m;
    }

    private void assertIntact() {
        assertThat(counts()).isEqualTo(countsBefore);
        assertThat(countsBefore.get("communes")).isEqualTo(OgcTestData.communesTotal());
        try (FeatureCursor c = store.query(CANARY, FeatureQuery.all())) {
            assertThat(c.next().get("secret")).isEqualTo(CANARY_SECRET);
        }
    }

    /** A clean answer: 4xx exception report, or a valid 200 that shows nothing of the canary. */
    private static void assertClean(MockHttpServletResponse r, String what, OgcResponseCheck.Dialect dialect) {
        Optional<String> problem = OgcResponseCheck.problem(r.getStatus(), r.getContentType(), r.getContentAsByteArray(),
                dialect, true);
        assertThat(problem).as(what + " -> " + text(r)).isEmpty();
        assertThat(text(r)).as(what).doesNotContain(CANARY_SECRET);
    }

    private static String text(MockHttpServletResponse r) {
        return new String(r.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @BothStores
    void wfsParametersCarryNoInjection(FeatureStore s) throws Exception {
        setUp(s);
        WfsCall wfs = new WfsCall(store, 50);
        Map<String, String> base = Map.of("REQUEST", "GetFeature", "TYPENAMES", "carence:communes", "COUNT", "5");
        List<String> parameters = List.of("TYPENAMES", "TYPENAME", "PROPERTYNAME", "SORTBY", "FILTER", "RESOURCEID", "BBOX",
                "SRSNAME", "COUNT", "MAXFEATURES", "STARTINDEX", "RESULTTYPE", "OUTPUTFORMAT", "SCENARIO", "NAMESPACES");
        for (String parameter : parameters) {
            for (String payload : SQL) {
                Map<String, String> p = new LinkedHashMap<>(Map.of("SERVICE", "WFS", "VERSION", "2.0.0"));
                p.putAll(base);
                p.put(parameter, payload);
                assertClean(wfs.call(p), parameter + "=" + payload, OgcResponseCheck.Dialect.OWS);
            }
        }
        for (String payload : SQL) {
            assertClean(wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "communes", "VALUEREFERENCE", payload),
                    "VALUEREFERENCE=" + payload, OgcResponseCheck.Dialect.OWS);
            assertClean(wfs.get("REQUEST", "GetFeature", "STOREDQUERY_ID", payload, "ID", "communes.48095"),
                    "STOREDQUERY_ID=" + payload, OgcResponseCheck.Dialect.OWS);
            assertClean(wfs.get("REQUEST", "GetFeature", "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById", "ID", payload),
                    "ID=" + payload, OgcResponseCheck.Dialect.OWS);
            assertClean(wfs.get("REQUEST", "DescribeFeatureType", "TYPENAMES", payload), "DescribeFeatureType " + payload,
                    OgcResponseCheck.Dialect.OWS);
            assertClean(wfs.get("REQUEST", "DescribeStoredQueries", "STOREDQUERY_ID", payload), "DescribeStoredQueries " + payload,
                    OgcResponseCheck.Dialect.OWS);
        }
        assertIntact();
    }

    @BothStores
    void filterValuesAreBoundAndPropertyNamesSchemaChecked(FeatureStore s) throws Exception {
        setUp(s);
        WfsCall wfs = new WfsCall(store, 50);
        for (String payload : SQL) {
            String escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            // In a literal the payload is a value: the request runs and (no commune has that name) matches nothing.
            for (String op : List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan")) {
                String f = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:" + op + "><fes:ValueReference>nom</fes:ValueReference>"
                        + "<fes:Literal>" + escaped + "</fes:Literal></fes:" + op + "></fes:Filter>";
                MockHttpServletResponse r = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "RESULTTYPE", "hits", "FILTER", f);
                assertThat(r.getStatus()).as(op + " " + payload + " -> " + text(r)).isEqualTo(200);
                long matched = Long.parseLong(new Xml(r.getContentAsByteArray()).text("/wfs:FeatureCollection/@numberMatched"));
                long expected = op.equals("PropertyIsEqualTo") ? 0 : op.equals("PropertyIsNotEqualTo") ? OgcTestData.communesTotal()
                        : countNamesBelow(payload);
                assertThat(matched).as(op + " " + payload).isEqualTo(expected);
            }
            String like = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
                    + "<fes:ValueReference>nom</fes:ValueReference><fes:Literal>" + escaped + "</fes:Literal></fes:PropertyIsLike></fes:Filter>";
            MockHttpServletResponse r = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "RESULTTYPE", "hits", "FILTER", like);
            assertThat(r.getStatus()).as("Like " + payload + " -> " + text(r)).isEqualTo(200);
            assertThat(new Xml(r.getContentAsByteArray()).text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("0");
            // As a property name it is refused by the schema check, naming the parameter.
            String asName = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>"
                    + escaped + "</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
            MockHttpServletResponse refused = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "FILTER", asName);
            assertThat(refused.getStatus()).as("name " + payload + " -> " + text(refused)).isEqualTo(400);
            assertClean(refused, "property name " + payload, OgcResponseCheck.Dialect.OWS);
        }
        assertIntact();
    }

    /** Communes whose name sorts below the payload, counted in Java (the database's collation may differ: both are accepted below). */
    private long countNamesBelow(String payload) {
        // Comparison order depends on the database collation; any answer is a correct one as long
        // as the query ran as a comparison. Read it back with the same filter through the store API.
        return store.count("communes", FeatureQuery.all().withFilter(new fr.carence.store.filter.Filter.Compare("nom",
                fr.carence.store.filter.Filter.ComparisonOperator.LT, payload)));
    }

    @BothStores
    void wmsParametersCarryNoInjection(FeatureStore s) {
        setUp(s);
        GeoServerCatalog catalog = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
                SharedData.repoRoot().resolve("sld-styles"));
        WmsService wms = new WmsService(store, catalog, WmsSettings.defaults());
        Map<String, String> map = new LinkedHashMap<>();
        map.put("SERVICE", "WMS");
        map.put("VERSION", "1.3.0");
        map.put("REQUEST", "GetFeatureInfo");
        map.put("LAYERS", "carence:communes");
        map.put("QUERY_LAYERS", "carence:communes");
        map.put("STYLES", "");
        map.put("CRS", "EPSG:2154");
        map.put("BBOX", "700000,6350000,780000,6420000");
        map.put("WIDTH", "100");
        map.put("HEIGHT", "100");
        map.put("FORMAT", "image/png");
        map.put("I", "50");
        map.put("J", "50");
        map.put("INFO_FORMAT", "application/json");
        map.put("FEATURE_COUNT", "5");
        List<String> parameters = List.of("LAYERS", "STYLES", "QUERY_LAYERS", "I", "J", "FEATURE_COUNT", "INFO_FORMAT", "FORMAT",
                "CRS", "BBOX", "SCENARIO", "WIDTH", "EXCEPTIONS", "TIME");
        for (String request : List.of("GetFeatureInfo", "GetMap")) {
            for (String parameter : parameters) {
                for (String payload : SQL) {
                    Map<String, String> p = new LinkedHashMap<>(map);
                    p.put("REQUEST", request);
                    p.put(parameter, payload);
                    assertClean(call(wms, p), request + " " + parameter + "=" + payload, OgcResponseCheck.Dialect.WMS);
                }
            }
        }
        for (String payload : SQL) {
            Map<String, String> legend = Map.of("SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", payload);
            assertClean(call(wms, legend), "GetLegendGraphic LAYER=" + payload, OgcResponseCheck.Dialect.WMS);
            String escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            for (String rule : List.of(
                    "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>" + escaped + "</ogc:PropertyName><ogc:Literal>1</ogc:Literal>"
                            + "</ogc:PropertyIsEqualTo></ogc:Filter>",
                    "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>nom</ogc:PropertyName><ogc:Literal>" + escaped + "</ogc:Literal>"
                            + "</ogc:PropertyIsEqualTo></ogc:Filter>",
                    "<ogc:Filter><ogc:PropertyIsLike wildCard=\"*\" singleChar=\".\" escape=\"!\"><ogc:PropertyName>nom</ogc:PropertyName>"
                            + "<ogc:Literal>" + escaped + "</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>",
                    "<ogc:Filter><ogc:FeatureId fid=\"" + escaped.replace("\"", "&quot;") + "\"/></ogc:Filter>")) {
                String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                        + "<NamedLayer><Name>carence:communes</Name><UserStyle><FeatureTypeStyle><Rule>" + rule
                        + "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#00ff00</CssParameter></Fill></PolygonSymbolizer>"
                        + "<TextSymbolizer><Label><ogc:PropertyName>" + escaped + "</ogc:PropertyName></Label></TextSymbolizer>"
                        + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
                Map<String, String> p = new LinkedHashMap<>(map);
                p.put("REQUEST", "GetMap");
                p.put("SLD_BODY", sld);
                MockHttpServletResponse r = call(wms, p);
                assertClean(r, "SLD_BODY " + rule, OgcResponseCheck.Dialect.WMS);
            }
        }
        assertIntact();
    }

    private static MockHttpServletResponse call(WmsService wms, Map<String, String> params) {
        return fr.carence.ogc.testdata.Answers.send(wms, params, "http://localhost/wms");
    }

}
