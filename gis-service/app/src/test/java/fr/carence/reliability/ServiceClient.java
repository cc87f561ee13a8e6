package fr.carence.reliability;

import fr.carence.security.TestAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Plain HTTP to a running Carence on loopback, as the outside world sees it. Scenario runs are
 * posted with a PLANNER's {@code Authorization} header: by default the made-up test account of
 * {@link TestAccounts}.
 */
final class ServiceClient {

    private final String base;
    private final String planner;
    private final HttpClient http;

    ServiceClient(int port) {
        this(port, TestAccounts.PLANNER.basic());
    }

    ServiceClient(int port, String plannerAuthorization) {
        this.base = "http://127.0.0.1:" + port;
        this.planner = plannerAuthorization;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<byte[]> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** GET as an administrator (health details are shown to ADMIN only). */
    HttpResponse<byte[]> getAsAdmin(String pathAndQuery) {
        return send(request(pathAndQuery).header("Authorization", TestAccounts.ADMIN.basic()).GET().build());
    }

    CompletableFuture<HttpResponse<byte[]>> getAsync(String pathAndQuery) {
        return http.sendAsync(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> postScenario(String json) {
        return send(request("/api/scenarios").header("Content-Type", "application/json")
                .header("Authorization", planner)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofMinutes(2));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
