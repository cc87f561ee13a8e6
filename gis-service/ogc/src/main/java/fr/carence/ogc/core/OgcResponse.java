package fr.carence.ogc.core;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an OGC operation answers (WFS, OGC API Features); the web layer writes it. The body is
 * written lazily so a feature collection streams from the store cursor straight to the client.
 */
public record OgcResponse(int status, String contentType, Map<String, String> headers, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public OgcResponse {
        headers = Map.copyOf(headers);
    }

    public static OgcResponse ok(String contentType, Map<String, String> headers, Body body) {
        return new OgcResponse(200, contentType, headers, body);
    }

    public static OgcResponse ok(String contentType, Body body) {
        return ok(contentType, Map.of(), body);
    }

    public static OgcResponse ok(String contentType, byte[] bytes) {
        return new OgcResponse(200, contentType, Map.of(), out -> out.write(bytes));
    }

    public static OgcResponse html(String page) {
        return ok("text/html; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** Status, content type and headers on the servlet response (nothing is sent yet). */
    public void writeHead(HttpServletResponse response) {
        response.setStatus(status);
        response.setContentType(contentType);
        headers.forEach(response::setHeader);
    }

    /** Head, then the body; a failure in the body propagates to the caller, which reports it if it still can. */
    public void writeTo(HttpServletResponse response) throws IOException {
        writeHead(response);
        body.writeTo(response.getOutputStream());
    }
}
