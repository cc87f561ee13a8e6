package fr.carence.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.testdata.OgcSchemas;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.testdata.Xml;
import fr.carence.ogc.web.XmlRequestReader;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The WFS 2.0 <b>Basic</b> conformance class (OGC 09-025r2 / ISO 19142, A.1.2), requirement by
 * requirement, in both encodings where both apply (KVP GET and XML POST, the latter through the
 * endpoint's own XML reader), on H2GIS and PostGIS. docs/ogc-wfs.md maps each requirement to the
 * method testing it. Qualified names are written with a prefix of the client's choosing
 * ({@code cl:}) bound to the service namespace, as the OGC test suite does, never with the
 * server's {@code carence:}.
 */
class WfsBasicConformanceTest {

    private static final String NS = "https://carence.beta.gouv.fr/carence";
    private static final String WFS = "http://www.opengis.net/wfs/2.0";
    private static final String FES = "http://www.opengis.net/fes/2.0";
    private static final String GML = "http://www.opengis.net/gml/3.2";
    private static final String OWN_BINDING = "xmlns(cl," + NS + ")";

    /** Features per published type in the test data, counted from the sources, not the store. */
    private static Map<String, Integer> expectedCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("communes", OgcTestData.communesTotal());
        m.put("communes_insee", OgcTestData.communesTotal());
        m.put("departements", OgcTestData.DEPARTEMENTS.size());
        m.put("sites_candidats", 5); // fixture: 5 sites in the default scenario
        return m;
    }

    private static WfsCall wfs(FeatureStore store) {
        return new WfsCall(store, 100);
    }

    /** XML POST: the body is read by the endpoint's reader, then served like the KVP form. */
    private static MockHttpServletResponse post(WfsCall wfs, String xml) throws Exception {
        return wfs.call(XmlRequestReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static String getFeature(String attributes, String query) {
        return "<wfs:GetFeature xmlns:wfs=\"" + WFS + "\" xmlns:fes=\"" + FES + "\" xmlns:gml=\"" + GML + "\" xmlns:cl=\"" + NS
                + "\" service=\"WFS\" version=\"2.0.0\" " + attributes + ">" + query + "</wfs:GetFeature>";
    }

    // --- A.1.2: capabilities of a Basic WFS (§8, Table 13; ISO 19143 minimum spatial filter) ---

    @BothStores
    void capabilitiesDeclareBasicWfs(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        for (MockHttpServletResponse r : List.of(wfs.get("REQUEST", "GetCapabilities"),
                post(wfs, "<GetCapabilities xmlns=\"" + WFS + "\" service=\"WFS\"><AcceptVersions xmlns=\"http://www.opengis.net/ows/1.1\">"
                        + "<Version>2.0.0</Version></AcceptVersions></GetCapabilities>"))) {
            assertThat(r.getStatus()).isEqualTo(200);
            Xml x = new Xml(r.getContentAsByteArray());
            assertThat(x.texts("//ows:OperationsMetadata/ows:Operation/@name")).contains("GetCapabilities", "DescribeFeatureType",
                    "ListStoredQueries", "DescribeStoredQueries", "GetFeature", "GetPropertyValue");
            assertThat(x.text("//ows:OperationsMetadata/ows:Constraint[@name='ImplementsBasicWFS']/ows:DefaultValue")).isEqualTo("TRUE");
            assertThat(x.text("//ows:OperationsMetadata/ows:Constraint[@name='KVPEncoding']/ows:DefaultValue")).isEqualTo("TRUE");
            assertThat(x.text("//ows:OperationsMetadata/ows:Constraint[@name='XMLEncoding']/ows:DefaultValue")).isEqualTo("TRUE");
            assertThat(x.text("//fes:Conformance/fes:Constraint[@name='ImplementsMinSpatialFilter']/ows:DefaultValue")).isEqualTo("TRUE");
            assertThat(x.text("//fes:Conformance/fes:Constraint[@name='ImplementsResourceId']/ows:DefaultValue")).isEqualTo("TRUE");
            // The advertised names keep the server's own prefix.
            assertThat(x.texts("//wfs:FeatureType/wfs:Name")).containsExactlyElementsOf(
                    expectedCounts().keySet().stream().map(n -> "carence:" + n).toList());
        }
    }

    // --- §7.9.2.4.1 / OWS NAMESPACES: qualified names resolved by namespace URI ---

    @BothStores
    void ownPrefixBoundToTheNamespaceWorksLikeTheServerPrefix(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        String filter = "<fes:Filter xmlns:fes=\"" + FES + "\"><fes:PropertyIsEqualTo><fes:ValueReference>%s</fes:ValueReference>"
                + "<fes:Literal>48</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        MockHttpServletResponse reference = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "carence:communes",
                "FILTER", filter.formatted("carence:dep"), "PROPERTYNAME", "carence:nom,carence:population",
                "SORTBY", "carence:population DESC,carence:nom", "COUNT", "7");
        List<String> expected = memberTexts(reference);
        assertThat(expected).hasSize(7);
        // KVP: the prefix is bound by NAMESPACES only (also where the filter uses it).
        assertThat(memberTexts(wfs.get("REQUEST", "GetFeature", "NAMESPACES", OWN_BINDING, "TYPENAMES", "cl:communes",
                "FILTER", filter.formatted("cl:dep"), "PROPERTYNAME", "cl:nom,cl:population",
                "SORTBY", "cl:population DESC,cl:nom", "COUNT", "7"))).isEqualTo(expected);
        // Several bindings, the default-namespace form, and the type/property path form.
        assertThat(memberTexts(wfs.get("REQUEST", "GetFeature", "NAMESPACES", "xmlns(gml," + GML + "),xmlns(" + NS + ")",
                "TYPENAMES", "communes", "FILTER", filter.formatted("communes/dep"), "PROPERTYNAME", "nom,population",
                "SORTBY", "population DESC,nom", "COUNT", "7"))).isEqualTo(expected);
        // The server's prefix rebound by the request is honoured too (and still the same namespace).
        assertThat(memberTexts(wfs.get("REQUEST", "GetFeature", "NAMESPACES", "xmlns(carence," + NS + ")",
                "TYPENAMES", "carence:communes", "FILTER", filter.formatted("carence:dep"), "PROPERTYNAME", "carence:nom,carence:population",
                "SORTBY", "carence:population DESC,carence:nom", "COUNT", "7"))).isEqualTo(expected);
        // XML: xmlns:cl on the root, used inside the filter too; another prefix bound on a ValueReference itself.
        String xml = getFeature("count=\"7\"", "<wfs:Query typeNames=\"cl:communes\"><wfs:PropertyName>cl:nom</wfs:PropertyName>"
                + "<wfs:PropertyName>cl:population</wfs:PropertyName><fes:Filter><fes:And><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>cl:dep</fes:ValueReference><fes:Literal>48</fes:Literal></fes:PropertyIsEqualTo>"
                + "<fes:Not><fes:PropertyIsNull><fes:ValueReference xmlns:autre=\"" + NS + "\">autre:nom</fes:ValueReference>"
                + "</fes:PropertyIsNull></fes:Not></fes:And></fes:Filter><fes:SortBy><fes:SortProperty><fes:ValueReference>cl:population</fes:ValueReference>"
                + "<fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty><fes:SortProperty><fes:ValueReference>cl:nom</fes:ValueReference>"
                + "</fes:SortProperty></fes:SortBy></wfs:Query>");
        assertThat(memberTexts(post(wfs, xml))).isEqualTo(expected);
        // A prefix bound to different URIs in two places of one XML request: each name keeps its own.
        String twoBindings = getFeature("count=\"3\"", "<wfs:Query xmlns:x=\"" + NS + "\" typeNames=\"x:communes\">"
                + "<wfs:PropertyName xmlns:x=\"http://ailleurs.example/x\">x:nom</wfs:PropertyName></wfs:Query>");
        assertError(post(wfs, twoBindings), "propertyName");
        // DescribeFeatureType: the same schema whichever prefix names the type.
        String dft = wfs.get("REQUEST", "DescribeFeatureType", "TYPENAMES", "carence:communes").getContentAsString(StandardCharsets.UTF_8);
        assertThat(wfs.get("REQUEST", "DescribeFeatureType", "NAMESPACES", OWN_BINDING, "TYPENAMES", "cl:communes")
                .getContentAsString(StandardCharsets.UTF_8)).isEqualTo(dft);
        assertThat(post(wfs, "<wfs:DescribeFeatureType xmlns:wfs=\"" + WFS + "\" xmlns:cl=\"" + NS + "\" service=\"WFS\" version=\"2.0.0\">"
                + "<wfs:TypeName>cl:communes</wfs:TypeName></wfs:DescribeFeatureType>").getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(dft);
    }

    @BothStores
    void unboundOrForeignPrefixesAreInvalidParameterValuesNamingTheParameter(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        String other = "xmlns(cl,http://ailleurs.example/ns)";
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "cl:communes"), "typeNames");
        assertError(wfs.get("REQUEST", "GetFeature", "NAMESPACES", other, "TYPENAMES", "cl:communes"), "typeNames");
        assertError(wfs.get("REQUEST", "GetFeature", "NAMESPACES", "xmlns(carence,http://ailleurs.example/ns)",
                "TYPENAMES", "carence:communes"), "typeNames");
        assertError(wfs.get("REQUEST", "GetFeature", "NAMESPACES", "xmlns(http://ailleurs.example/ns)", "TYPENAMES", "communes"),
                "typeNames");
        assertError(wfs.get("REQUEST", "DescribeFeatureType", "TYPENAMES", "cl:communes"), "typeNames");
        assertError(wfs.get("REQUEST", "GetFeature", "NAMESPACES", "xmlns(cl", "TYPENAMES", "communes"), "NAMESPACES");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "PROPERTYNAME", "cl:nom"), "propertyName");
        assertError(wfs.get("REQUEST", "GetFeature", "NAMESPACES", other, "TYPENAMES", "communes", "SORTBY", "cl:nom"), "sortBy");
        assertError(wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "communes", "VALUEREFERENCE", "cl:nom"), "valueReference");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "FILTER", "<fes:Filter xmlns:fes=\"" + FES + "\">"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>cl:dep</fes:ValueReference><fes:Literal>48</fes:Literal>"
                + "</fes:PropertyIsEqualTo></fes:Filter>"), "FILTER");
        // XML: a prefix the document does not declare, and one declared for another namespace.
        assertError(post(wfs, getFeature("", "<wfs:Query typeNames=\"zz:communes\"/>")), "typeNames");
        assertError(post(wfs, "<wfs:GetFeature xmlns:wfs=\"" + WFS + "\" xmlns:cl=\"http://ailleurs.example/ns\" service=\"WFS\""
                + " version=\"2.0.0\"><wfs:Query typeNames=\"cl:communes\"/></wfs:GetFeature>"), "typeNames");
    }

    // --- §11 GetFeature with the Query action, every type, both encodings; schema-valid answers ---

    @BothStores
    void getFeatureByTypeForEveryType(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        for (Map.Entry<String, Integer> type : expectedCounts().entrySet()) {
            String name = "cl:" + type.getKey();
            MockHttpServletResponse kvp = wfs.get("REQUEST", "GetFeature", "NAMESPACES", OWN_BINDING, "TYPENAMES", name, "COUNT", "3");
            MockHttpServletResponse xml = post(wfs, getFeature("count=\"3\"", "<wfs:Query typeNames=\"" + name + "\"/>"));
            for (MockHttpServletResponse r : List.of(kvp, xml)) {
                assertThat(r.getStatus()).as(type.getKey()).isEqualTo(200);
                Xml x = new Xml(r.getContentAsByteArray());
                assertThat(x.count("//wfs:member")).as(type.getKey()).isEqualTo(Math.min(3, type.getValue()));
                assertThat(x.count("//wfs:member/carence:" + type.getKey())).isEqualTo(x.count("//wfs:member/*"));
                assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(Integer.toString(type.getValue()));
                assertSchemaValid(wfs, r);
            }
            assertThat(memberIds(xml)).isEqualTo(memberIds(kvp));
        }
        // Several types in one query: XML lists QNames separated by spaces.
        Xml two = new Xml(post(wfs, getFeature("count=\"" + (OgcTestData.communesTotal() + 10) + "\"",
                "<wfs:Query typeNames=\"cl:departements cl:sites_candidats\"/>")).getContentAsByteArray());
        assertThat(two.count("//wfs:member/carence:departements")).isEqualTo(OgcTestData.DEPARTEMENTS.size());
        assertThat(two.count("//wfs:member/carence:sites_candidats")).isEqualTo(5);
    }

    // --- §7.9.2.4.4 srsName: a CRS the capabilities do not offer is an InvalidParameterValue ---

    @BothStores
    void unsupportedSrsNameIsInvalidParameterValue(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        // UTM 31N: a real CRS proj4j knows, but not offered for the layer.
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "SRSNAME", "urn:ogc:def:crs:EPSG::32631"), "srsName");
        assertError(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "SRSNAME", "urn:ogc:def:crs:EPSG::999999"), "srsName");
        assertError(wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "communes", "VALUEREFERENCE", "geom",
                "SRSNAME", "EPSG:32631"), "srsName");
        assertError(post(wfs, getFeature("", "<wfs:Query typeNames=\"cl:communes\" srsName=\"urn:ogc:def:crs:EPSG::32631\"/>")),
                "srsName");
        // Every offered CRS is accepted (DefaultCRS and each OtherCRS of the capabilities).
        Xml caps = new Xml(wfs.get("REQUEST", "GetCapabilities").getContentAsByteArray());
        List<String> offered = new ArrayList<>(caps.texts("//wfs:FeatureType[wfs:Name='carence:communes']/wfs:DefaultCRS"));
        offered.addAll(caps.texts("//wfs:FeatureType[wfs:Name='carence:communes']/wfs:OtherCRS"));
        assertThat(offered).hasSize(7);
        for (String crs : offered) {
            MockHttpServletResponse r = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "communes", "RESOURCEID", "communes.12202",
                    "SRSNAME", crs);
            assertThat(r.getStatus()).as(crs).isEqualTo(200);
            assertThat(new Xml(r.getContentAsByteArray()).text("//gml:MultiSurface/@srsName")).isEqualTo(crs);
        }
    }

    // --- §11.3.3 / §7.6.3 resultType=hits, every type, both encodings ---

    @BothStores
    void hitsForEveryType(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        for (Map.Entry<String, Integer> type : expectedCounts().entrySet()) {
            String name = "cl:" + type.getKey();
            for (MockHttpServletResponse r : List.of(
                    wfs.get("REQUEST", "GetFeature", "NAMESPACES", OWN_BINDING, "TYPENAMES", name, "RESULTTYPE", "hits"),
                    post(wfs, getFeature("resultType=\"hits\"", "<wfs:Query typeNames=\"" + name + "\"/>")))) {
                assertThat(r.getStatus()).isEqualTo(200);
                Xml x = new Xml(r.getContentAsByteArray());
                assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).as(type.getKey()).isEqualTo(Integer.toString(type.getValue()));
                assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("0");
                assertThat(x.count("//wfs:member")).isZero();
                assertThat(x.text("/wfs:FeatureCollection/@next")).isEmpty();
                assertSchemaValid(wfs, r);
            }
        }
    }

    // --- §7.7.4.4 response paging: next to the last page, previous back to the first ---

    @BothStores
    void pagingForwardsToTheLastPageAndBackwardsToTheFirst(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        int total = OgcTestData.communesTotal();
        int count = 80; // under CountDefault (100): ten pages
        int pages = (total + count - 1) / count;
        // First page by XML POST (own prefix); its links are KVP, followed as the spec says.
        MockHttpServletResponse first = post(wfs, getFeature("count=\"" + count + "\" startIndex=\"0\"",
                "<wfs:Query typeNames=\"cl:communes\"><wfs:PropertyName>cl:code</wfs:PropertyName></wfs:Query>"));
        List<List<String>> forwards = new ArrayList<>();
        MockHttpServletResponse r = first;
        while (true) {
            Xml x = new Xml(r.getContentAsByteArray());
            int page = forwards.size();
            List<String> ids = x.texts("//wfs:member/carence:communes/@gml:id");
            assertThat(ids).as("page " + page).hasSize(Math.min(count, total - page * count));
            assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(Integer.toString(total));
            assertThat(x.text("/wfs:FeatureCollection/@previous").isEmpty()).as("previous on page " + page).isEqualTo(page == 0);
            forwards.add(ids);
            String next = x.text("/wfs:FeatureCollection/@next");
            if (next.isEmpty()) {
                break;
            }
            assertThat(forwards).hasSizeLessThan(pages);
            r = wfs.call(WfsServiceTest.parse(next));
        }
        assertThat(forwards).hasSize(pages);
        Set<String> all = new LinkedHashSet<>();
        forwards.forEach(all::addAll);
        assertThat(all).hasSize(total);
        // Backwards from the last page: each previous page is the same page again.
        for (int page = pages - 1; page > 0; page--) {
            String previous = new Xml(r.getContentAsByteArray()).text("/wfs:FeatureCollection/@previous");
            assertThat(previous).as("previous of page " + page).isNotEmpty();
            r = wfs.call(WfsServiceTest.parse(previous));
            assertThat(new Xml(r.getContentAsByteArray()).texts("//wfs:member/carence:communes/@gml:id")).isEqualTo(forwards.get(page - 1));
        }
        assertThat(new Xml(r.getContentAsByteArray()).text("/wfs:FeatureCollection/@previous")).isEmpty();
        // GetPropertyValue pages the same way.
        Xml values = new Xml(wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "communes", "VALUEREFERENCE", "@gml:id",
                "COUNT", Integer.toString(count), "STARTINDEX", Integer.toString(count)).getContentAsByteArray());
        assertThat(values.texts("//wfs:member")).isEqualTo(forwards.get(1));
        assertThat(values.text("/wfs:ValueCollection/@previous")).contains("STARTINDEX=0");
        assertThat(values.text("/wfs:ValueCollection/@next")).contains("STARTINDEX=" + 2 * count);
    }

    // --- §7.9.3.6 stored query GetFeatureById, every type, both encodings ---

    @BothStores
    void getFeatureByIdForEveryType(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        Xml list = new Xml(post(wfs, "<wfs:ListStoredQueries xmlns:wfs=\"" + WFS + "\" service=\"WFS\" version=\"2.0.0\"/>")
                .getContentAsByteArray());
        assertThat(list.texts("//wfs:StoredQuery/@id")).containsExactly(StoredQueries.GET_FEATURE_BY_ID);
        assertThat(list.texts("//wfs:StoredQuery/wfs:ReturnFeatureType")).hasSize(expectedCounts().size());
        Xml describe = new Xml(post(wfs, "<wfs:DescribeStoredQueries xmlns:wfs=\"" + WFS + "\" service=\"WFS\" version=\"2.0.0\">"
                + "<wfs:StoredQueryId>" + StoredQueries.GET_FEATURE_BY_ID + "</wfs:StoredQueryId></wfs:DescribeStoredQueries>")
                .getContentAsByteArray());
        assertThat(describe.text("//wfs:StoredQueryDescription/wfs:Parameter/@name")).isEqualTo("ID");
        for (String type : expectedCounts().keySet()) {
            Xml some = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", type, "COUNT", "2", "STARTINDEX", "1").getContentAsByteArray());
            String id = some.text("//wfs:member[1]/*/@gml:id");
            assertThat(id).as(type).startsWith(type + ".");
            MockHttpServletResponse kvp = wfs.get("REQUEST", "GetFeature", "STOREDQUERY_ID", StoredQueries.GET_FEATURE_BY_ID, "ID", id);
            MockHttpServletResponse xml = post(wfs, getFeature("", "<wfs:StoredQuery id=\"" + StoredQueries.GET_FEATURE_BY_ID + "\">"
                    + "<wfs:Parameter name=\"ID\">" + id + "</wfs:Parameter></wfs:StoredQuery>"));
            for (MockHttpServletResponse r : List.of(kvp, xml)) {
                assertThat(r.getStatus()).as(id).isEqualTo(200);
                Xml f = new Xml(r.getContentAsByteArray());
                // The feature itself, not a collection (§7.9.3.6.1).
                assertThat(f.count("/carence:" + type)).as(id).isEqualTo(1);
                assertThat(f.text("/*/@gml:id")).isEqualTo(id);
            }
            MockHttpServletResponse missing = wfs.get("REQUEST", "GetFeature", "STOREDQUERY_ID", StoredQueries.GET_FEATURE_BY_ID,
                    "ID", type + ".absent");
            assertThat(missing.getStatus()).isEqualTo(404);
            assertThat(new Xml(missing.getContentAsByteArray()).text("//ows:Exception/@exceptionCode")).isEqualTo("NotFound");
        }
    }

    // --- §10 GetPropertyValue: valueReference empty, @gml:id, a property, own prefix ---

    @BothStores
    void getPropertyValue(FeatureStore store) throws Exception {
        WfsCall wfs = wfs(store);
        String gpv = "<wfs:GetPropertyValue xmlns:wfs=\"" + WFS + "\" xmlns:gml=\"" + GML + "\" xmlns:ns47=\"" + NS + "\""
                + " service=\"WFS\" version=\"2.0.0\" count=\"4\" valueReference=\"%s\"><wfs:Query typeNames=\"ns47:departements\"/>"
                + "</wfs:GetPropertyValue>";
        // Empty valueReference (§10.4): InvalidParameterValue, locator valueReference; absent: MissingParameterValue.
        assertError(wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "departements", "VALUEREFERENCE", ""), "valueReference");
        assertError(post(wfs, gpv.formatted("")), "valueReference");
        MockHttpServletResponse absent = wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "departements");
        assertThat(new Xml(absent.getContentAsByteArray()).text("//ows:Exception/@exceptionCode")).isEqualTo("MissingParameterValue");
        // @gml:id: the identifiers of the selected features, as GetFeature gives them.
        List<String> ids = memberIds(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "departements"));
        assertThat(ids).containsExactlyInAnyOrder("departements.12", "departements.48", "departements.81", "departements.974");
        for (MockHttpServletResponse r : List.of(post(wfs, gpv.formatted("@gml:id")),
                wfs.get("REQUEST", "GetPropertyValue", "TYPENAMES", "departements", "VALUEREFERENCE", "@gml:id"))) {
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
            Xml x = new Xml(r.getContentAsByteArray());
            assertThat(x.count("/wfs:ValueCollection")).isEqualTo(1);
            assertThat(x.texts("//wfs:member")).isEqualTo(ids);
            assertThat(OgcSchemas.validate(r.getContentAsByteArray(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd"), Map.of()))
                    .isEmpty();
        }
        // A property under the client's prefix.
        Xml names = new Xml(post(wfs, gpv.formatted("ns47:nom")).getContentAsByteArray());
        assertThat(names.texts("//wfs:member")).containsExactlyInAnyOrder("Aveyron", "Lozère", "Tarn", "La Réunion");
        assertError(post(wfs, gpv.formatted("@gml:nom")), "valueReference");
        assertError(post(wfs, gpv.formatted("ns47:habitants")), "valueReference");
    }

    // --- helpers ---

    private static void assertError(MockHttpServletResponse r, String locator) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        Xml x = new Xml(r.getContentAsByteArray());
        assertThat(x.text("//ows:Exception/@exceptionCode")).as(r.getContentAsString()).isEqualTo("InvalidParameterValue");
        assertThat(x.text("//ows:Exception/@locator")).as(r.getContentAsString()).isEqualTo(locator);
        assertThat(x.text("//ows:ExceptionText")).isNotBlank();
    }

    /** The members' content (ids and values), independent of timeStamp and links. */
    private static List<String> memberTexts(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        Xml x = new Xml(r.getContentAsByteArray());
        List<String> out = new ArrayList<>();
        List<String> ids = x.texts("//wfs:member/*/@gml:id");
        List<String> texts = x.texts("//wfs:member/*");
        for (int i = 0; i < ids.size(); i++) {
            out.add(ids.get(i) + "|" + texts.get(i));
        }
        return out;
    }

    private static List<String> memberIds(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return new Xml(r.getContentAsByteArray()).texts("//wfs:member/*/@gml:id");
    }

    /** Valid against WFS 2.0 and the application schema its schemaLocation names (fetched from the service). */
    private static void assertSchemaValid(WfsCall wfs, MockHttpServletResponse r) throws Exception {
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        int i = body.indexOf("xsi:schemaLocation=\"");
        assertThat(i).as("schemaLocation").isPositive();
        String[] parts = body.substring(i + 20, body.indexOf('"', i + 20)).replace("&amp;", "&").split("\\s+");
        String location = parts[parts.length - 1];
        String schema = wfs.call(WfsServiceTest.parse(location)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(OgcSchemas.validate(r.getContentAsByteArray(), List.of("http://schemas.opengis.net/wfs/2.0/wfs.xsd", location),
                Map.of(location, schema))).isEmpty();
    }
}
