package fr.carence.ogc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.xml.Dom;
import fr.carence.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

/**
 * XML attacks on every place the server parses client XML, through the real HTTP endpoint: WFS
 * POST bodies (GetFeature, GetPropertyValue, GetCapabilities), the KVP FILTER, and SLD_BODY on
 * GetMap and GetLegendGraphic. Payloads: XXE reading /etc/passwd, external DTD and parameter
 * entities, XInclude and schemaLocation pointing at a local HTTP server that counts hits, the
 * billion laughs and the quadratic blow-up. Each must get a clear exception report (400) that
 * never echoes the file, and the local server must see no request at all.
 */
@SpringBootTest(classes = HostileTestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.error.include-stacktrace=never", "server.error.whitelabel.enabled=false",
            "carence.ogc.max-request-body-bytes=1000000"})
class XmlAttacksTest {

    private static HttpServer trap;
    private static final AtomicInteger HITS = new AtomicInteger();
    private static final List<String> HIT_PATHS = new ArrayList<>();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("carence.catalog.dir", () -> SharedData.repoRoot().resolve("geoserver-data").toString());
        r.add("carence.styles.dir", () -> SharedData.repoRoot().resolve("sld-styles").toString());
    }

    @BeforeAll
    static void startTrap() throws Exception {
        trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", exchange -> {
            synchronized (HIT_PATHS) {
                HIT_PATHS.add(exchange.getRequestURI().toString());
            }
            HITS.incrementAndGet();
            byte[] dtd = "<!ENTITY stolen \"pwned\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        trap.start();
    }

    @AfterAll
    static void stopTrap() {
        trap.stop(0);
    }

    static String trapUrl(String path) {
        return "http://127.0.0.1:" + trap.getAddress().getPort() + path;
    }

    /** DOCTYPE/entity prologues of the attacks; each is put before a root element that uses &e; where text is allowed. */
    static Map<String, String> prologues() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("XXE file", "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        m.put("external DTD", "<!DOCTYPE r SYSTEM \"" + trapUrl("/external.dtd") + "\">");
        m.put("parameter entity", "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + trapUrl("/param.dtd") + "\"> %p;]>");
        m.put("XXE http", "<!DOCTYPE r [<!ENTITY e SYSTEM \"" + trapUrl("/entity") + "\">]>");
        StringBuilder laughs = new StringBuilder("<!DOCTYPE r [<!ENTITY e0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            laughs.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
        }
        m.put("billion laughs", laughs.append("<!ENTITY e \"&e10;\">]>").toString());
        m.put("quadratic blow-up", "<!DOCTYPE r [<!ENTITY e \"" + "a".repeat(50_000) + "\">]>");
        return m;
    }

    /** The entity reference the body uses (many times for the quadratic blow-up). */
    static String use(String attack) {
        return attack.equals("quadratic blow-up") ? "&e;".repeat(20_000) : attack.equals("parameter entity") || attack.equals("external DTD")
                ? "Saint*" : "&e;";
    }

    static String getFeature(String prologue, String use) {
        return "<?xml version=\"1.0\"?>" + prologue + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" service=\"WFS\" version=\"2.0.0\" count=\"3\">"
                + "<wfs:Query typeNames=\"carence:communes\"><fes:Filter><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
                + "<fes:ValueReference>nom</fes:ValueReference><fes:Literal>" + use + "</fes:Literal></fes:PropertyIsLike></fes:Filter>"
                + "</wfs:Query></wfs:GetFeature>";
    }

    static String getPropertyValue(String prologue, String use) {
        return "<?xml version=\"1.0\"?>" + prologue + "<wfs:GetPropertyValue xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "service=\"WFS\" version=\"2.0.0\" valueReference=\"nom\"><wfs:Query typeNames=\"carence:communes\">"
                + "<wfs:PropertyName>" + use + "</wfs:PropertyName></wfs:Query></wfs:GetPropertyValue>";
    }

    static String getCapabilities(String prologue, String use) {
        return "<?xml version=\"1.0\"?>" + prologue + "<wfs:GetCapabilities xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" service=\"WFS\"><ows:AcceptVersions><ows:Version>" + use
                + "</ows:Version></ows:AcceptVersions></wfs:GetCapabilities>";
    }

    static String filter(String prologue, String use) {
        return prologue + "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>nom</fes:ValueReference><fes:Literal>" + use + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
    }

    static String sld(String prologue, String use) {
        return prologue + "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>carence:communes</Name>"
                + "<UserStyle><Title>" + use + "</Title><FeatureTypeStyle><Rule><PolygonSymbolizer><Fill>"
                + "<CssParameter name=\"fill\">#00ff00</CssParameter></Fill></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle>"
                + "</NamedLayer></StyledLayerDescriptor>";
    }

    record Answer(int status, String body) {
    }

    Answer postXml(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer postForm(String path, Map<String, String> params) throws Exception {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    /** The exception code and locator of a report (OWS or WMS), after checking it is well-formed and leaks nothing. */
    static String[] exception(Answer a, String what) throws Exception {
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(400);
        assertThat(a.body()).as(what).doesNotContain("root:", "pwned", "lollol", "aaaaaaaaaa", "\tat ", "java.");
        Element root = SecureXml.parse(new ByteArrayInputStream(a.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Element e = Dom.children(root).get(0);
        String code = e.hasAttribute("exceptionCode") ? e.getAttribute("exceptionCode") : e.getAttribute("code");
        return new String[] {code, e.getAttribute("locator")};
    }

    @Test
    void wfsPostBodiesRefuseEveryXmlAttack() throws Exception {
        for (Map.Entry<String, String> attack : prologues().entrySet()) {
            String use = use(attack.getKey());
            for (Map.Entry<String, String> body : Map.of(
                    "GetFeature", getFeature(attack.getValue(), use),
                    "GetPropertyValue", getPropertyValue(attack.getValue(), use),
                    "GetCapabilities", getCapabilities(attack.getValue(), use)).entrySet()) {
                String what = attack.getKey() + " in a " + body.getKey() + " POST";
                String[] ex = exception(postXml("/wfs", body.getValue()), what);
                assertThat(ex[0]).as(what).isEqualTo("OperationParsingFailed");
            }
        }
        assertThat(HIT_PATHS).as("requests the server sent to the attacker's URLs").isEmpty();
    }

    @Test
    void kvpFiltersRefuseEveryXmlAttack() throws Exception {
        for (Map.Entry<String, String> attack : prologues().entrySet()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("SERVICE", "WFS");
            p.put("VERSION", "2.0.0");
            p.put("REQUEST", "GetFeature");
            p.put("TYPENAMES", "carence:communes");
            p.put("FILTER", filter(attack.getValue(), use(attack.getKey())));
            String[] ex = exception(postForm("/wfs", p), attack.getKey() + " in FILTER");
            assertThat(ex[1]).isEqualToIgnoringCase("FILTER");
        }
        assertThat(HIT_PATHS).isEmpty();
    }

    @Test
    void sldBodiesRefuseEveryXmlAttack() throws Exception {
        for (Map.Entry<String, String> attack : prologues().entrySet()) {
            String body = sld(attack.getValue(), use(attack.getKey()));
            Map<String, String> map = new LinkedHashMap<>();
            map.put("SERVICE", "WMS");
            map.put("VERSION", "1.3.0");
            map.put("REQUEST", "GetMap");
            map.put("LAYERS", "carence:communes");
            map.put("CRS", "EPSG:2154");
            map.put("BBOX", "700000,6350000,780000,6420000");
            map.put("WIDTH", "64");
            map.put("HEIGHT", "64");
            map.put("FORMAT", "image/png");
            map.put("SLD_BODY", body);
            String[] ex = exception(postForm("/wms", map), attack.getKey() + " in a GetMap SLD_BODY");
            assertThat(ex).containsExactly("InvalidParameterValue", "SLD_BODY");
            Map<String, String> legend = new LinkedHashMap<>();
            legend.put("SERVICE", "WMS");
            legend.put("REQUEST", "GetLegendGraphic");
            legend.put("LAYER", "carence:communes");
            legend.put("SLD_BODY", body);
            assertThat(exception(postForm("/wms", legend), attack.getKey() + " in a GetLegendGraphic SLD_BODY"))
                    .containsExactly("InvalidParameterValue", "SLD_BODY");
        }
        // The SLD parameter names a URL: refused, never fetched.
        Map<String, String> remote = new LinkedHashMap<>();
        remote.put("SERVICE", "WMS");
        remote.put("REQUEST", "GetMap");
        remote.put("LAYERS", "carence:communes");
        remote.put("SLD", trapUrl("/style.sld"));
        assertThat(exception(postForm("/wms", remote), "SLD URL")).containsExactly("OptionNotSupported", "SLD");
        assertThat(HIT_PATHS).isEmpty();
    }

    @Test
    void xIncludeAndSchemaLocationsAreNotFollowed() throws Exception {
        String xinclude = "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 "
                + trapUrl("/wfs.xsd") + "\" service=\"WFS\" version=\"2.0.0\" count=\"1\"><wfs:Query typeNames=\"carence:communes\">"
                + "<wfs:PropertyName><xi:include href=\"" + trapUrl("/include") + "\" parse=\"text\"/>nom</wfs:PropertyName></wfs:Query></wfs:GetFeature>";
        Answer a = postXml("/wfs", xinclude);
        // The xi:include element is just an unknown child: ignored, the request runs as a plain one.
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).doesNotContain("pwned");
        assertThat(HIT_PATHS).isEmpty();
    }

    @Test
    void anOversizedXmlBodyIsRefusedBeforeParsing() throws Exception {
        String huge = getFeature("", "Saint*").replace("<wfs:Query", "<!--" + "x".repeat(1_100_000) + "--><wfs:Query");
        Answer a = postXml("/wfs", huge);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.body()).contains("InvalidParameterValue", "1000000 octets", "carence.ogc.max-request-body-bytes");
    }
}
