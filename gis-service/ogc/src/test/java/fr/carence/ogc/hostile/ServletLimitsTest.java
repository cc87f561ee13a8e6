package fr.carence.ogc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.testdata.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the servlet container answers before the OGC code runs: a request line or headers larger
 * than {@code server.max-http-request-header-size}, a path no controller serves, a method the
 * endpoint does not take. With the application's {@code server.error} settings none of them may
 * show a stack trace, an exception class or the whitelabel page.
 */
@SpringBootTest(classes = HostileTestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.error.include-stacktrace=never", "server.error.include-message=never",
            "server.error.include-exception=false", "server.error.include-binding-errors=never",
            "server.error.whitelabel.enabled=false"})
class ServletLimitsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("carence.catalog.dir", () -> SharedData.repoRoot().resolve("geoserver-data").toString());
        r.add("carence.styles.dir", () -> SharedData.repoRoot().resolve("sld-styles").toString());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoLeak(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("\tat ", "java.", "org.springframework", "org.apache", "Whitelabel", "Exception:", "Exception in",
                "Tomcat", "Servlet");
    }

    /**
     * Oversized request lines and headers are refused by Tomcat itself, before Spring or the OGC
     * code: its answer is a bare "HTTP Status 400 – Bad Request" page (Spring Boot turns the
     * report and server info off), which shows nothing of the server. Checked here so a change
     * of container or settings that starts leaking is caught.
     */
    private static void assertBareContainerError(HttpResponse<String> r) {
        assertNoLeak(r);
        String text = r.body().replaceAll("<style[^<]*</style>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        assertThat(text).isIn("", "HTTP Status 400 – Bad Request HTTP Status 400 – Bad Request");
    }

    @Test
    void aRequestLineLongerThanTheHeaderLimitGetsA4xxWithoutLeak() throws Exception {
        String url = "http://127.0.0.1:" + port + "/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=" + "x".repeat(20_000);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertThat(r.statusCode()).isBetween(400, 499);
        assertBareContainerError(r);
    }

    @Test
    void aHeaderLargerThanTheLimitGetsA4xxWithoutLeak() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wfs?REQUEST=GetCapabilities"))
                .header("X-Padding", "y".repeat(20_000)).GET());
        assertThat(r.statusCode()).isBetween(400, 499);
        assertBareContainerError(r);
    }

    @Test
    void aFormBodyOverTheContainerLimitIsReportedAsSuch() throws Exception {
        // Tomcat keeps none of a form larger than server.tomcat.max-http-form-post-size (2 MB by default).
        String body = "SERVICE=WMS&REQUEST=GetMap&SLD_BODY=" + "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wms"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("ExceptionReport", "server.tomcat.max-http-form-post-size");
        assertNoLeak(r);
        // A form within the limit is read as usual.
        HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wms?SERVICE=WMS"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("REQUEST=GetCapabilities")));
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsShowNoErrorPage() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/geoserver/wfs")).GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertNoLeak(missing);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wfs"))
                .PUT(HttpRequest.BodyPublishers.ofString("<x/>")));
        assertThat(put.statusCode()).isEqualTo(405);
        assertNoLeak(put);
    }
}
