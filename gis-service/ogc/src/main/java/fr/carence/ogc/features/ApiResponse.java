package fr.carence.ogc.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an OGC API operation answers; the web layer writes it. The body is written lazily so a
 * feature collection streams from the store cursor straight to the client.
 */
public record ApiResponse(int status, String contentType, Map<String, String> headers, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse ok(String contentType, Map<String, String> headers, Body body) {
        return new ApiResponse(200, contentType, headers, body);
    }

    static ApiResponse ok(String contentType, byte[] bytes) {
        return new ApiResponse(200, contentType, Map.of(), out -> out.write(bytes));
    }

    static ApiResponse html(String page) {
        return ok("text/html; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
