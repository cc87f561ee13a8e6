package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The OGC endpoints: open to all, read-only even when POSTed, answered in OWS dialect. */
public final class OgcPaths {

    static final String[] PATTERNS = {"/ows", "/wfs", "/wms"};
    private static final Set<String> PATHS = Set.of(PATTERNS);

    private OgcPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return isOgcPath(path);
    }

    /** True for a path relative to the context ({@code /wfs}), e.g. the original path of an error dispatch. */
    public static boolean isOgcPath(String path) {
        return PATHS.contains(path);
    }
}
