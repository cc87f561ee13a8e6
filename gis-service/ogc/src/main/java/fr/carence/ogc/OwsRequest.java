package fr.carence.ogc;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A KVP request: parameter names are case-insensitive (OGC 06-121r9 §11.5.2), values are kept as
 * given. Built from the query string, or from a parsed XML POST body.
 */
public final class OwsRequest {

    private final Map<String, String> params;
    private final String baseUrl;

    public OwsRequest(Map<String, String> params, String baseUrl) {
        TreeMap<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(params);
        this.params = Collections.unmodifiableMap(m);
        this.baseUrl = baseUrl;
    }

    public Optional<String> get(String name) {
        String v = params.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The value, or a MissingParameterValue exception naming the parameter. */
    public String require(String name) {
        return get(name).orElseThrow(() -> OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, name,
                "Le paramètre obligatoire " + name + " est absent."));
    }

    public Map<String, String> all() {
        return params;
    }

    /** Public base URL of the service endpoint (no query string), for capabilities and links. */
    public String baseUrl() {
        return baseUrl;
    }
}
