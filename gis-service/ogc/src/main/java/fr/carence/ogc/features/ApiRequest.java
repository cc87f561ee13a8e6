package fr.carence.ogc.features;

import fr.carence.ogc.OwsException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One OGC API request: its query parameters (case-sensitive, as the standard names them; the
 * first value of a repeated one), the API's root URL ({@code http://host/ogc}, no trailing slash)
 * for links, and the {@code Accept} header for content negotiation.
 */
public record ApiRequest(Map<String, String> params, String rootUrl, String accept) {

    public ApiRequest {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        accept = accept == null ? "" : accept;
    }

    public Optional<String> get(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /**
     * A typo must not silently widen a result ({@code limt=5} read as "no limit"): a parameter the
     * resource does not know is refused, naming it.
     */
    void allowOnly(Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, name,
                        "Paramètre inconnu « " + name + " » ; paramètres acceptés ici : " + String.join(", ", new java.util.TreeSet<>(known)) + ".");
            }
        }
    }

    /** True for HTML: {@code f=html}, or no {@code f} and a browser's Accept header. */
    boolean wantsHtml() {
        Optional<String> f = get("f");
        if (f.isPresent()) {
            return switch (f.get().toLowerCase(Locale.ROOT)) {
                case "html", "text/html" -> true;
                case "json", "geojson", "application/json", "application/geo+json", "application/schema+json",
                        "application/vnd.oai.openapi+json;version=3.0" -> false;
                default -> throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "f",
                        "Paramètre f : format « " + f.get() + " » non proposé (json ou html).");
            };
        }
        int html = accept.indexOf("text/html");
        int json = Math.max(accept.indexOf("json"), -1);
        return html >= 0 && (json < 0 || html < json);
    }
}
