package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must carry the CSRF token: those a browser could be tricked into sending with
 * the user's session cookie. That is an unsafe method, on a session holding a login, without an
 * {@code Authorization: Basic|Bearer} header (a forged cross-site request cannot set one, and
 * Carence never asks a browser to remember Basic credentials). OGC requests are exempt: even
 * POSTed, they only read, and a cross-site page cannot read the answer.
 */
final class SessionAuthenticatedUnsafeRequest implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    @Override
    public boolean matches(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && !carriesCredentials(request)
                && !OgcPaths.matches(request)
                && sessionHoldsLogin(request);
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    private static boolean sessionHoldsLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }
}
