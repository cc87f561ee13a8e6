package fr.carence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP calls of the end-to-end tests on a running Carence: GET with an optional
 * {@code Authorization} header, JSON bodies read after checking the status, WFS reads and counts
 * (the independent figures the tests compare the API, PDFs and pages with). The security tests
 * keep their raw {@code HttpCalls} (headers exactly as given, no redirects).
 */
public final class ServiceHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** @param base the service's address without the trailing slash ({@code http://127.0.0.1:port}) */
    public ServiceHttp(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A request builder for a path starting with "/" (3 minutes' timeout: a first answer or an upload may compute). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3));
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> get(String path) {
        return get(path, null);
    }

    /** A GET as bytes, with {@code authorization} as the Authorization header when not null. */
    public HttpResponse<byte[]> get(String path, String authorization) {
        HttpRequest.Builder b = request(path);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A request with any method, as text: {@code authorization} and {@code contentType} headers
     * when not null, {@code body} when not null (uploads, JSON posts).
     */
    public HttpResponse<String> send(String method, String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The body as JSON, after checking the answer is a 200 (else the body is the failure's message). */
    public static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** A layer of the default scenario as GeoJSON read over WFS, optionally filtered (FES 2.0). */
    public JsonNode wfs(String layer, String filter, String authorization) throws IOException {
        return json(get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:" + layer
                + "&OUTPUTFORMAT=application/json&SCENARIO=defaut" + (filter == null ? "" : "&FILTER=" + enc(filter)), authorization));
    }

    /** How many features of a layer of the default scenario match, as the WFS counts them (RESULTTYPE=hits). */
    public long hits(String layer, String filter) {
        return hits(layer, filter, "defaut");
    }

    public long hits(String layer, String filter, String scenario) {
        HttpResponse<byte[]> r = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESULTTYPE=hits&TYPENAMES=carence:" + layer
                + "&SCENARIO=" + scenario + (filter == null ? "" : "&FILTER=" + enc(filter)));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("numberMatched=\"(\\d+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A FES 2.0 filter {@code property = value}. */
    public static String equal(String property, String value) {
        return "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>" + property
                + "</fes:ValueReference><fes:Literal>" + value + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
