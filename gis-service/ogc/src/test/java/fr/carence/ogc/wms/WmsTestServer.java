package fr.carence.ogc.wms;

import com.sun.net.httpserver.HttpServer;
import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.ogc.web.OwsEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A real HTTP server on a random local port for client tests (GDAL, OWSLib): the JDK server
 * hands each GET to the project's {@link OwsEndpoint} (so /wms and /ows?SERVICE=WMS dispatch as
 * in the application) through Spring's servlet mocks.
 */
final class WmsTestServer implements AutoCloseable {

    private final HttpServer server;
    private final OwsEndpoint endpoint;

    WmsTestServer(OgcService wms) {
        this.endpoint = new OwsEndpoint(List.of(wms), OgcSettings.defaults());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            MockHttpServletRequest request = new MockHttpServletRequest(exchange.getRequestMethod(), path);
            request.setServletPath(path);
            request.setServerName("127.0.0.1");
            request.setServerPort(port());
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    request.addParameter(k, v);
                }
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            endpoint.handle(request, response);
            byte[] body = response.getContentAsByteArray();
            if (response.getContentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.getContentType());
            }
            exchange.sendResponseHeaders(response.getStatus(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
