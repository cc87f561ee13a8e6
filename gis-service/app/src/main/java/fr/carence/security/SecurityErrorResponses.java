package fr.carence.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.api.scenario.ApiError;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.error.ExceptionReportWriter;
import fr.carence.ogc.web.OgcApiEndpoint;
import fr.carence.ogc.web.OwsEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The 401 and 403 answers: a French JSON {@link ApiError} (an OWS exception report on the OGC
 * endpoints and the OGC API's JSON exception under /ogc, which only refuse bad credentials), never an HTML page or a stack trace. No
 * {@code WWW-Authenticate: Basic} challenge is sent, so a browser never shows its login box nor
 * caches credentials it would then send to every page (clients send Basic credentials up front).
 */
final class SecurityErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    SecurityErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException locked) {
            tooManyFailures(request, response, locked);
            return;
        }
        boolean sentCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String message = sentCredentials
                ? "Identifiant, mot de passe ou jeton refusé."
                : "Authentification requise : connectez-vous, ou envoyez un en-tête Authorization (Basic ou Bearer).";
        if (!sentCredentials) {
            AuditLog.event("acces_refuse").caller(request).with("statut", 401).with("requete", requestLine(request)).log();
        }
        if (OgcPaths.matches(request)) {
            OwsEndpoint.writeError(new OwsException(OwsException.NO_APPLICABLE_CODE, "Authorization", 401, message), response);
            return;
        }
        if (OgcPaths.matchesApi(request)) {
            OgcApiEndpoint.writeError(new OwsException(OwsException.NO_APPLICABLE_CODE, "Authorization", 401, message), response);
            return;
        }
        write(response, new ApiError(401, sentCredentials ? "identifiants_refuses" : "authentification_requise", null, message));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        AuditLog.event("acces_refuse").caller(request).with("statut", 403)
                .with("motif", e instanceof CsrfException ? "csrf" : "role").with("requete", requestLine(request)).log();
        if (e instanceof CsrfException) {
            write(response, new ApiError(403, "csrf", "X-XSRF-TOKEN",
                    "Jeton CSRF absent ou périmé : renvoyez dans l'en-tête X-XSRF-TOKEN la valeur du cookie XSRF-TOKEN."));
            return;
        }
        write(response, new ApiError(403, "acces_refuse", null,
                "Accès refusé : votre compte n'a pas le rôle requis pour cette opération."));
    }

    /** 429 with Retry-After: the password was not even checked (see {@link LoginThrottle}). */
    void tooManyFailures(HttpServletRequest request, HttpServletResponse response, LoginLockedException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        long seconds = e.retryAfterSeconds();
        if (OgcPaths.matches(request)) {
            // Written to the stream: the response-level writer resets the headers, Retry-After included.
            response.reset();
            response.setStatus(429);
            response.setContentType("application/xml; charset=UTF-8");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ExceptionReportWriter.write(new OwsException(OwsException.NO_APPLICABLE_CODE, "Authorization", 429,
                    tooManyFailuresMessage(seconds)), response.getOutputStream(), ExceptionReportWriter.Dialect.OWS_11);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, tooManyFailures(seconds));
    }

    static ApiError tooManyFailures(long seconds) {
        return new ApiError(429, "trop_d_echecs", null, tooManyFailuresMessage(seconds));
    }

    private static String tooManyFailuresMessage(long seconds) {
        return "Trop d'échecs de connexion récents pour cet identifiant ou cette adresse : nouvel essai possible dans "
                + seconds + " s.";
    }

    /** Method and path only: a query string may hold anything, a token included. */
    private static String requestLine(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    private void write(HttpServletResponse response, ApiError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(error.statut());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }
}
