package fr.carence.ogc.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an OGC operation answers (WFS, WMS, OGC API Features and Tiles, and their exception
 * reports); only the web layer ({@code fr.carence.ogc.web}) writes it to HTTP. The body is written
 * lazily so a feature collection streams from the store cursor straight to the client.
 *
 * @param contentType null for an answer without body (204, 304)
 * @param contentLength byte count when known before writing (encoded images, documents), else -1
 */
public record OgcResponse(int status, String contentType, Map<String, String> headers, long contentLength, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Body NONE = out -> { };

    public OgcResponse {
        headers = Map.copyOf(headers);
    }

    /** A streamed body of unknown length. */
    public OgcResponse(int status, String contentType, Map<String, String> headers, Body body) {
        this(status, contentType, headers, -1, body);
    }

    public static OgcResponse ok(String contentType, Map<String, String> headers, Body body) {
        return new OgcResponse(200, contentType, headers, body);
    }

    public static OgcResponse ok(String contentType, Body body) {
        return ok(contentType, Map.of(), body);
    }

    /** A body already in memory: sent with its Content-Length. */
    public static OgcResponse ok(String contentType, byte[] bytes) {
        return of(200, contentType, Map.of(), bytes);
    }

    public static OgcResponse of(int status, String contentType, Map<String, String> headers, byte[] bytes) {
        return new OgcResponse(status, contentType, headers, bytes.length, out -> out.write(bytes));
    }

    /** Status and headers only (204 No Content, 304 Not Modified). */
    public static OgcResponse empty(int status, Map<String, String> headers) {
        return new OgcResponse(status, null, headers, -1, NONE);
    }

    public static OgcResponse html(String page) {
        return ok("text/html; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
