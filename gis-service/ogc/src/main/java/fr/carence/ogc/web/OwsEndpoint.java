package fr.carence.ogc.web;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.error.ExceptionReportWriter;
import fr.carence.ogc.error.OwsExceptionTranslator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The OGC endpoints {@code /ows}, {@code /wfs} and {@code /wms} (GET with KVP, POST with KVP form
 * or an XML body). The service is chosen by SERVICE, else by the path.
 */
@Controller
public class OwsEndpoint {

    private final Map<String, OgcService> services = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Logger LOG = LoggerFactory.getLogger(OwsEndpoint.class);

    private final OgcSettings settings;
    private final StreamingLimits streaming;

    public OwsEndpoint(List<OgcService> services, OgcSettings settings) {
        this(services, settings, StreamingLimits.defaults());
    }

    @Autowired
    public OwsEndpoint(List<OgcService> services, OgcSettings settings, StreamingLimits streaming) {
        services.forEach(s -> this.services.put(s.serviceType(), s));
        this.settings = settings;
        this.streaming = streaming;
    }

    @RequestMapping(value = {"/ows", "/wfs", "/wms"}, method = {RequestMethod.GET, RequestMethod.POST})
    public void handle(HttpServletRequest request, HttpServletResponse servletResponse) throws IOException {
        HttpServletResponse response = new LimitedResponse(servletResponse, streaming, System::nanoTime);
        OgcService service;
        OwsRequest owsRequest;
        try {
            Map<String, String> params = parameters(request);
            String path = request.getServletPath() == null || request.getServletPath().isEmpty()
                    ? request.getRequestURI() : request.getServletPath();
            String fromPath = path.endsWith("/wfs") ? "WFS" : path.endsWith("/wms") ? "WMS" : null;
            TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ci.putAll(params);
            String serviceName = Optional.ofNullable(ci.get("SERVICE")).filter(s -> !s.isBlank()).orElse(fromPath);
            if (serviceName == null) {
                throw OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, "service",
                        "Le paramètre obligatoire SERVICE est absent (WFS ou WMS).");
            }
            service = services.get(serviceName.trim());
            if (service == null) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "service",
                        "Service « " + serviceName + " » inconnu (WFS ou WMS).");
            }
            owsRequest = new OwsRequest(params, baseUrl(request, path));
        } catch (Exception e) {
            writeError(OwsExceptionTranslator.translate(e), response);
            return;
        }
        try {
            ServletAnswers.send(service, owsRequest, response);
        } catch (LimitedResponse.LimitExceeded cut) {
            // The operation's cursor is closed by now (the failed write unwound it). Rethrown, the
            // container closes the connection: the client cannot take a cut document for a whole one.
            LOG.warn("OGC response cut ({} {}): {}", request.getMethod(), request.getRequestURI(), cut.getMessage());
            throw cut;
        }
    }

    /**
     * An OWS 1.1 ExceptionReport with the exception's status (also for the application's 401, 404,
     * 405 and 429 on the OGC paths), unless another answer is already on the wire.
     */
    public static void writeError(OwsException e, HttpServletResponse response) throws IOException {
        ServletAnswers.writeError(ExceptionReportWriter.response(e, ExceptionReportWriter.Dialect.OWS_11), response);
    }

    /** The streaming limit behind a failure, however the writer wrapped it (e.g. in an XMLStreamException). */
    static LimitedResponse.LimitExceeded limitExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LimitedResponse.LimitExceeded cut) {
                return cut;
            }
        }
        return null;
    }

    private Map<String, String> parameters(HttpServletRequest request) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String contentType = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        boolean xmlBody = "POST".equalsIgnoreCase(request.getMethod())
                && !contentType.startsWith("application/x-www-form-urlencoded") && !contentType.startsWith("multipart/");
        if (xmlBody) {
            // Query-string parameters (e.g. SERVICE on /ows?SERVICE=WFS) apply too; the body wins.
            request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
            if (request.getContentLengthLong() > settings.maxRequestBodyBytes()) {
                throw XmlRequestReader.tooLarge(settings.maxRequestBodyBytes());
            }
            params.putAll(XmlRequestReader.read(request.getInputStream(), settings.maxRequestBodyBytes()));
        } else {
            request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
            if (formBodyDropped(request, contentType, params)) {
                throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "request", 413,
                        "Corps de formulaire non lu par le serveur : trop volumineux (server.tomcat.max-http-form-post-size, "
                                + "2 Mo par défaut) ou mal encodé.");
            }
        }
        return params;
    }

    /**
     * True when a form POST had a body but the container kept none of its parameters: Tomcat
     * silently drops a form larger than its limit (or one it cannot decode), which would otherwise
     * surface as a misleading "REQUEST is missing".
     */
    private static boolean formBodyDropped(HttpServletRequest request, String contentType, Map<String, String> params) {
        if (!"POST".equalsIgnoreCase(request.getMethod()) || !contentType.startsWith("application/x-www-form-urlencoded")
                || request.getContentLengthLong() <= 0) {
            return false;
        }
        java.util.Set<String> fromQuery = new java.util.HashSet<>();
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            try {
                fromQuery.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                fromQuery.add(name);
            }
        }
        // Every parameter the container kept also appears in the query string: none came from the body.
        return fromQuery.containsAll(params.keySet());
    }

    /** Endpoint URL without query string (OWSLib appends "?..." itself). */
    private String baseUrl(HttpServletRequest request, String path) {
        if (!settings.publicBaseUrl().isEmpty()) {
            return settings.publicBaseUrl() + path;
        }
        return request.getRequestURL().toString();
    }
}
