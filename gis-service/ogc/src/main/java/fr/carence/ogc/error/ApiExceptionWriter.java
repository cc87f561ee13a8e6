package fr.carence.ogc.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.OgcResponse;
import java.util.Map;

/**
 * The OGC API exception document {@code {"code", "description"}} (OGC API - Common, RFC 7807's
 * shape as OGC API - Features uses it) with the exception's HTTP status: Features, Tiles and the
 * application's 401/404/405 on {@code /ogc} share it. Only the code and the French message reach
 * the client, never a stack trace.
 */
public final class ApiExceptionWriter {

    public static final String CONTENT_TYPE = "application/json; charset=UTF-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiExceptionWriter() {
    }

    public static OgcResponse response(OwsException e) {
        return response(e, Map.of());
    }

    public static OgcResponse response(OwsException e, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", e.code());
        body.put("description", e.getMessage());
        try {
            return OgcResponse.of(e.httpStatus(), CONTENT_TYPE, headers, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("cannot write the exception document", x);
        }
    }
}
