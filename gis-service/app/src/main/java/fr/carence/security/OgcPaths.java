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
        return isOgcPath(path(request));
    }

    /** OGC API Features ({@code /ogc/**}): read-only like the OWS endpoints, answered in the API's JSON exceptions. */
    static boolean matchesApi(HttpServletRequest request) {
        return isOgcApiPath(path(request));
    }

    /** True for {@code /ogc} and any path under it, relative to the context. */
    public static boolean isOgcApiPath(String path) {
        return path.equals("/ogc") || path.startsWith("/ogc/");
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** True for a path relative to the context ({@code /wfs}), e.g. the original path of an error dispatch. */
    public static boolean isOgcPath(String path) {
        return PATHS.contains(path);
    }
}
