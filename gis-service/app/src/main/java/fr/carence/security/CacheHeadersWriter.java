package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;

/**
 * Cache headers, chosen per kind of answer instead of Spring Security's blanket "no-store":
 * <ul>
 * <li>API and actuator answers (per user, changing): no-store, as Spring Security does;</li>
 * <li>OGC answers (OWS and OGC API Features) to an anonymous caller (public layers, the same for everyone): left as the
 *     services write them, so browsers and proxies keep caching map images and capabilities;</li>
 * <li>OGC answers to an authenticated caller (may hold restricted layers): {@code private}, so a
 *     shared proxy never hands them to someone else;</li>
 * <li>the web map's static files: left to Spring's resource handling.</li>
 * </ul>
 */
final class CacheHeadersWriter implements HeaderWriter {

    private final HeaderWriter noStore = new CacheControlHeadersWriter();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (OgcPaths.matches(request) || OgcPaths.matchesApi(request)) {
            if (callerAuthenticated() && !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "private");
            }
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")) {
            noStore.writeHeaders(request, response);
        }
    }

    private boolean callerAuthenticated() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && !trust.isAnonymous(a);
    }
}
