package fr.carence.security;

import fr.carence.api.scenario.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web map's login: POST opens a session, GET says who is connected (also for Basic and
 * Bearer callers), DELETE closes it. Every answer carries a fresh {@code XSRF-TOKEN} cookie, the
 * token the web map sends back in {@code X-XSRF-TOKEN} with its writes.
 */
@RestController
@RequestMapping("/api/session")
@Tag(name = "Session", description = "Connexion de la carte web (les clients SIG et les scripts utilisent Basic ou un jeton)")
public class SessionController {

    /** Login form body. */
    public record Login(String login, String motDePasse) {
    }

    /** Who is connected; login null and no role when anonymous. */
    public record State(String login, List<String> roles) {
        static final State ANONYMOUS = new State(null, List.of());
    }

    private final AuthenticationManager authenticationManager;
    private final HttpSessionSecurityContextRepository sessions;
    private final CookieCsrfTokenRepository csrfTokens;
    private final SecurityContextCallerRoles callerRoles;

    public SessionController(AuthenticationManager authenticationManager, HttpSessionSecurityContextRepository sessions,
                             CookieCsrfTokenRepository csrfTokens, SecurityContextCallerRoles callerRoles) {
        this.authenticationManager = authenticationManager;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.callerRoles = callerRoles;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Qui est connecté", description = "Identifiant et rôles ; {\"login\": null, \"roles\": []} si anonyme")
    public State whoami(CsrfToken csrf) {
        csrf.getToken(); // writes the XSRF-TOKEN cookie if the browser has none yet
        return state(SecurityContextHolder.getContext().getAuthentication());
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    @Operation(summary = "Se connecter", description = "Ouvre une session (cookie) pour la carte web")
    @ApiResponse(responseCode = "200", description = "Connecté")
    @ApiResponse(responseCode = "401", description = "Identifiants refusés",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Trop d'échecs récents : réessayer après Retry-After secondes",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<?> login(@RequestBody(required = false) Login body, HttpServletRequest request,
                                   HttpServletResponse response) {
        if (body == null || body.login() == null || body.login().isBlank() || body.motDePasse() == null) {
            return ResponseEntity.badRequest().body(new ApiError(400, "json_invalide", null,
                    "corps JSON attendu : {\"login\": ..., \"motDePasse\": ...}"));
        }
        Authentication authenticated;
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(body.login(), body.motDePasse());
        attempt.setDetails(LoginDetails.of(request, LoginDetails.SESSION));
        try {
            authenticated = authenticationManager.authenticate(attempt);
        } catch (LoginLockedException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                    .body(SecurityErrorResponses.tooManyFailures(e.retryAfterSeconds()));
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError(401, "identifiants_refuses", null,
                    "Identifiant ou mot de passe refusé."));
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation: the id known before login is worthless after
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        renewCsrfToken(request, response);
        return ResponseEntity.ok(state(authenticated));
    }

    @DeleteMapping(produces = "application/json")
    @Operation(summary = "Se déconnecter", description = "Ferme la session de la carte web")
    public State logout(HttpServletRequest request, HttpServletResponse response) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (callerRoles.authenticated(who)) {
            AuditLog.event("deconnexion").caller(request).log();
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        renewCsrfToken(request, response);
        return State.ANONYMOUS;
    }

    private State state(Authentication authentication) {
        if (!callerRoles.authenticated(authentication)) {
            return State.ANONYMOUS;
        }
        return new State(authentication.getName(), callerRoles.roles(authentication).stream().map(Role::name).toList());
    }

    /** A login or logout changes who the token protects: the old one must not serve again. */
    private void renewCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }
}
