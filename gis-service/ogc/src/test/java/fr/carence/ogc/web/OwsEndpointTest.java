package fr.carence.ogc.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.testdata.Xml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** HTTP behaviour of /ows, /wfs and /wms: dispatch, XML POST bodies, hostile XML, errors. */
@SpringBootTest(classes = OgcTestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwsEndpointTest {

    private static final String FILTER_48 = "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>dep</fes:ValueReference>"
            + "<fes:Literal>48</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("carence.catalog.dir", () -> SharedData.repoRoot().resolve("geoserver-data").toString());
        r.add("carence.styles.dir", () -> SharedData.repoRoot().resolve("sld-styles").toString());
        r.add("carence.ogc.max-features", () -> "100");
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void dispatchesByServiceParameterCaseInsensitivelyOrByPath() throws Exception {
        HttpResponse<byte[]> ows = get("/ows?service=wfs&request=GetCapabilities");
        assertThat(ows.statusCode()).isEqualTo(200);
        assertThat(new Xml(ows.body()).text("//ows:Operation[@name='GetFeature']//ows:Get/@xlink:href"))
                .isEqualTo("http://127.0.0.1:" + port + "/ows");
        HttpResponse<byte[]> wfs = get("/wfs?REQUEST=GetCapabilities");
        assertThat(new Xml(wfs.body()).text("/wfs:WFS_Capabilities/@version")).isEqualTo("2.0.0");
        HttpResponse<byte[]> none = get("/ows?REQUEST=GetCapabilities");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(new Xml(none.body()).text("//ows:Exception/@locator")).isEqualTo("service");
        HttpResponse<byte[]> unknown = get("/ows?SERVICE=WCS&REQUEST=GetCapabilities");
        assertThat(new Xml(unknown.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidParameterValue");
    }

    @Test
    void xmlPostGetFeatureMatchesKvp() throws Exception {
        String body = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"500\" resultType=\"results\""
                + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
                + " xmlns:carence=\"https://carence.beta.gouv.fr/carence\">"
                + "<wfs:Query typeNames=\"carence:communes\" srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                + "<wfs:PropertyName>carence:nom</wfs:PropertyName>" + FILTER_48
                + "<fes:SortBy><fes:SortProperty><fes:ValueReference>nom</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder>"
                + "</fes:SortProperty></fes:SortBy></wfs:Query></wfs:GetFeature>";
        HttpResponse<byte[]> r = post("/wfs", body);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        Xml x = new Xml(r.body());
        Xml kvp = new Xml(get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes&PROPERTYNAME=nom"
                + "&SORTBY=nom%20DESC&FILTER=" + java.net.URLEncoder.encode(FILTER_48.replace("<fes:Filter>",
                "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">"), "UTF-8")).body());
        assertThat(x.texts("//carence:nom")).isNotEmpty().isEqualTo(kvp.texts("//carence:nom"));
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(kvp.text("/wfs:FeatureCollection/@numberMatched"));
        // COUNT=500 is above CountDefault: the page holds 100, and a next link exists.
        assertThat(x.count("//wfs:member")).isEqualTo(100);
        assertThat(x.text("/wfs:FeatureCollection/@next")).contains("STARTINDEX=100");
    }

    @Test
    void xmlPostOtherOperations() throws Exception {
        String ns = " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"";
        Xml dft = new Xml(post("/wfs", "<wfs:DescribeFeatureType service=\"WFS\" version=\"2.0.0\"" + ns
                + "><wfs:TypeName>carence:departements</wfs:TypeName></wfs:DescribeFeatureType>").body());
        assertThat(dft.texts("/xsd:schema/xsd:element/@name")).containsExactly("departements");
        Xml byId = new Xml(post("/wfs", "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\"" + ns
                + "><wfs:StoredQuery id=\"urn:ogc:def:query:OGC-WFS::GetFeatureById\"><wfs:Parameter name=\"ID\">departements.48"
                + "</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>").body());
        assertThat(byId.text("/carence:departements/carence:nom")).isEqualTo("Lozère");
        Xml caps = new Xml(post("/ows", "<wfs:GetCapabilities service=\"WFS\"" + ns + "/>").body());
        // communes, communes_insee, departements; sites_candidats is restricted, hidden from anonymous callers.
        assertThat(caps.count("//wfs:FeatureType")).isEqualTo(3);
    }

    @Test
    void hostileXmlIsRefusedWithoutLeakingAnything() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:Query typeNames=\"&x;\"/></wfs:GetFeature>";
        HttpResponse<byte[]> r = post("/wfs", xxe);
        assertThat(r.statusCode()).isEqualTo(400);
        String body = new String(r.body());
        assertThat(new Xml(r.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("OperationParsingFailed");
        assertThat(body).doesNotContain("root:x").doesNotContain("\tat ");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<wfs:GetCapabilities service=\"WFS\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">&b;</wfs:GetCapabilities>";
        assertThat(post("/wfs", bomb).statusCode()).isEqualTo(400);
    }
}
