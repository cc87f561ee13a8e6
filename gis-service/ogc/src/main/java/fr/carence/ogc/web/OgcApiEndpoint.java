package fr.carence.ogc.web;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.error.ApiExceptionWriter;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.ogc.features.ApiRequest;
import fr.carence.ogc.features.FeaturesApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * OGC API Features at {@code /ogc} (GET; HEAD follows). Errors are the standard's JSON exception
 * {@code {"code", "description"}} in French with the HTTP status: 400 naming the parameter, 404
 * for an unknown (or hidden) collection or feature, 503 when the database does not answer.
 */
@Controller
public class OgcApiEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(OgcApiEndpoint.class);

    private final FeaturesApi api;
    private final OgcSettings settings;
    private final StreamingLimits streaming;

    public OgcApiEndpoint(FeaturesApi api, OgcSettings settings) {
        this(api, settings, StreamingLimits.defaults());
    }

    /** @param streaming the same time and rate bounds as the OWS responses ({@code carence.ogc.streaming.*}) */
    @Autowired
    public OgcApiEndpoint(FeaturesApi api, OgcSettings settings, StreamingLimits streaming) {
        this.api = api;
        this.settings = settings;
        this.streaming = streaming;
    }

    @GetMapping({"/ogc", "/ogc/"})
    public void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, api::landing);
    }

    @GetMapping("/ogc/conformance")
    public void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, api::conformance);
    }

    @GetMapping("/ogc/api")
    public void openApi(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, api::api);
    }

    @GetMapping("/ogc/collections")
    public void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, api::collections);
    }

    @GetMapping("/ogc/collections/{collectionId}")
    public void collection(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(request, response, r -> api.collection(r, collectionId));
    }

    @GetMapping("/ogc/collections/{collectionId}/queryables")
    public void queryables(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(request, response, r -> api.queryables(r, collectionId));
    }

    @GetMapping("/ogc/collections/{collectionId}/items")
    public void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(request, response, r -> api.items(r, collectionId));
    }

    @GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
    public void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        serve(request, response, r -> api.item(r, collectionId, featureId));
    }

    /** Any other address under /ogc: the API's own 404, not the application's. */
    @GetMapping("/ogc/**")
    public void unknown(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, r -> {
            throw new OwsException("NotFound", null, 404, "Adresse inconnue dans l'API : " + request.getRequestURI()
                    + " (voir " + r.rootUrl() + "/api).");
        });
    }

    private void serve(HttpServletRequest request, HttpServletResponse servletResponse,
                       Function<ApiRequest, OgcResponse> operation) throws IOException {
        HttpServletResponse response = new LimitedResponse(servletResponse, streaming, System::nanoTime);
        OgcResponse answer;
        try {
            answer = operation.apply(new ApiRequest(parameters(request), rootUrl(request, settings), request.getHeader("Accept")));
        } catch (Exception e) {
            ServletAnswers.write(ApiExceptionWriter.response(OwsExceptionTranslator.translate(e)), response);
            return;
        }
        // Streamed from the store cursor: a failure before the first bytes leave still becomes a JSON
        // exception; after that the status is sent and the failure is only logged (as with WFS).
        ServletAnswers.writeHead(answer, response);
        try {
            answer.body().writeTo(response.getOutputStream());
        } catch (IOException e) {
            LimitedResponse.LimitExceeded cut = OwsEndpoint.limitExceeded(e);
            if (cut != null) {
                // As on /wfs: the cursor is closed by now; rethrown, the container closes the connection.
                LOG.warn("OGC API response cut ({} {}): {}", request.getMethod(), request.getRequestURI(), cut.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            if (ServletAnswers.clientGone(e, request.getMethod(), request.getRequestURI())) {
                return; // a writer's unchecked wrapper of a broken pipe: nobody left to answer
            }
            OwsException report = OwsExceptionTranslator.translate(e);
            if (!response.isCommitted()) {
                response.reset();
                ServletAnswers.write(ApiExceptionWriter.response(report), response);
            }
        }
    }

    /** The OGC API exception body {"code", "description"} with the exception's status (also for the application's 401 and 405). */
    public static void writeError(OwsException e, HttpServletResponse response) throws IOException {
        ServletAnswers.write(ApiExceptionWriter.response(e), response);
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
        return params;
    }

    /** {@code http://host/ogc}, behind a proxy {@code carence.ogc.public-base-url + /ogc} (Features and Tiles links). */
    public static String rootUrl(HttpServletRequest request, OgcSettings settings) {
        if (!settings.publicBaseUrl().isEmpty()) {
            return settings.publicBaseUrl() + "/ogc";
        }
        String url = request.getRequestURL().toString();
        int at = url.indexOf("/ogc", url.indexOf("//") + 2);
        return url.substring(0, at + 4);
    }
}
