package fr.carence.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} (notebooks, scripts): a known token authenticates this
 * request only (nothing is kept in a session); an unknown one is refused with 401 rather than
 * downgraded to anonymous, so a mistyped token is noticed at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenAccount> account = tokens.find(header.substring(BEARER.length()).strip());
        if (account.isEmpty()) {
            holder.clearContext();
            AuditLog.event("jeton_refuse").with("ip", request.getRemoteAddr())
                    .with("requete", request.getMethod() + " " + request.getRequestURI()).log();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API token"));
            return;
        }
        TokenAccount a = account.get();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(a.login(), null,
                a.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        holder.setContext(context);
        chain.doFilter(request, response);
    }
}
