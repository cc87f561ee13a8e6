package fr.carence.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Plain HTTP to a running Carence on loopback, as the outside world sees it. Scenario runs are
 * posted as the made-up PLANNER test account ({@code fr.carence.security.TestAccounts}).
 */
final class ServiceClient {

    static final String PLANNER_BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("planif:planif-mdp".getBytes(StandardCharsets.UTF_8));

    private final String base;
    private final HttpClient http;

    ServiceClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<byte[]> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    CompletableFuture<HttpResponse<byte[]>> getAsync(String pathAndQuery) {
        return http.sendAsync(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> postScenario(String json) {
        return send(request("/api/scenarios").header("Content-Type", "application/json")
                .header("Authorization", PLANNER_BASIC)
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
