package fr.carence.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Raw HTTP calls for the security tests: headers exactly as given (no cookie jar, no redirects,
 * no automatic authentication), so each request shows what a client with those headers gets.
 */
final class HttpCalls {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HttpCalls(String base) {
        this.base = base;
    }

    /** A request; {@code headers} alternate name and value (null values skipped); body JSON when given. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), method, path, body, headers);
    }

    private <T> HttpResponse<T> send(HttpResponse.BodyHandler<T> handler, String method, String path, String body,
                                     String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return client.send(b.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> as(Caller caller, String method, String path, String body) {
        return send(method, path, body, "Authorization", caller.authorization());
    }

    HttpResponse<String> get(Caller caller, String path) {
        return as(caller, "GET", path, null);
    }

    /** A GET whose answer is kept as bytes (binary formats such as GeoPackage). */
    HttpResponse<byte[]> getBytes(Caller caller, String path) {
        return send(HttpResponse.BodyHandlers.ofByteArray(), "GET", path, null, "Authorization", caller.authorization());
    }

    /** The value of cookie {@code name} set by the response, if any. */
    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
    }
}
