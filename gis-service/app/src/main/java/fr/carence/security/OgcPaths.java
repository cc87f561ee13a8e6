package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The OGC endpoints: open to all, read-only even when POSTed, answered in OWS dialect. */
final class OgcPaths {

    static final String[] PATTERNS = {"/ows", "/wfs", "/wms"};
    private static final Set<String> PATHS = Set.of(PATTERNS);

    private OgcPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return PATHS.contains(path);
    }
}
