package fr.carence.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may do what over HTTP (docs/security.md):
 * <ul>
 * <li>OGC endpoints: open; what a caller sees depends on its roles ({@link SecurityContextCallerRoles});</li>
 * <li>reading scenarios: open; running and deleting them: PLANNER;</li>
 * <li>data loads and layer management ({@code /api/chargements}, {@code /api/couches}): ADMIN;</li>
 * <li>health, liveness, readiness, info: open; any other actuator endpoint: ADMIN;</li>
 * <li>the web map, webjars and API docs: open; any other write: ADMIN.</li>
 * </ul>
 * Callers authenticate with HTTP Basic (QGIS, GDAL, curl -u), an API token
 * ({@code Authorization: Bearer}) or the web map's session login ({@code /api/session}). Basic and
 * Bearer requests are stateless; only a session login creates a session, and only session-
 * authenticated writes need the CSRF token ({@link SessionAuthenticatedUnsafeRequest}).
 */
@Configuration(proxyBeanMethods = false)
@Import(AccountsConfiguration.class)
@EnableConfigurationProperties(LockoutProperties.class)
public class SecurityConfiguration {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /** ADMIN may do everything PLANNER and FUNDER may. Used by URL rules and layer rules alike. */
    @Bean
    public static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(Role.PLANNER.name(), Role.FUNDER.name())
                .build();
    }

    /** Double-submit cookie readable by the web map's script, sent back in X-XSRF-TOKEN. */
    @Bean
    public CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieName(CSRF_COOKIE);
        repository.setHeaderName(CSRF_HEADER);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(c -> c.sameSite("Lax"));
        return repository;
    }

    /** Where a session login is kept (only {@link SessionController} writes to it). */
    @Bean
    public HttpSessionSecurityContextRepository sessionSecurityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Password checks (BCrypt): guessing slowed down first ({@link LoginThrottle}), then recent
     * successes remembered ({@link RecentLoginCache}), then the real checks, audited.
     */
    @Bean
    public AuthenticationManager authenticationManager(UserDetailsService carenceUsers, PasswordEncoder passwordEncoder,
                                                       LockoutProperties lockout,
                                                       ObjectProvider<DataSource> clusterDataSource) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(carenceUsers);
        provider.setPasswordEncoder(passwordEncoder);
        Clock clock = Clock.systemUTC();
        // Several instances on one database (fr.carence.cluster): the lockout counters live there.
        DataSource shared = clusterDataSource.getIfAvailable();
        return new LoginThrottle(new RecentLoginCache(new PasswordCheckAudit(new ProviderManager(provider)), clock),
                lockout, clock, shared == null ? null
                        : new DatabaseLockoutCounters(shared, lockout.forgetAfter(), LoginThrottle.REMEMBERED_GUESSES));
    }

    @Bean
    public SecurityFilterChain carenceSecurityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                                          ApiTokens apiTokens, CookieCsrfTokenRepository csrfTokenRepository,
                                                          HttpSessionSecurityContextRepository sessionSecurityContexts,
                                                          ObjectMapper objectMapper) throws Exception {
        SecurityErrorResponses errors = new SecurityErrorResponses(objectMapper);
        http.authenticationManager(authenticationManager)
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessionSecurityContexts)))
                // Sessions exist only for the web map's login: Basic, Bearer and anonymous requests never create one.
                // (Setting a session creation policy here would add SessionManagementFilter, which stores
                // every authenticated request's context in a new session.)
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .httpBasic(b -> b.authenticationEntryPoint(errors)
                        .authenticationDetailsSource(r -> LoginDetails.of(r, LoginDetails.BASIC)))
                .addFilterBefore(new BearerTokenFilter(apiTokens, errors), BasicAuthenticationFilter.class)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .csrf(c -> c.csrfTokenRepository(csrfTokenRepository)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new SessionAuthenticatedUnsafeRequest()))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(h -> h.cacheControl(c -> c.disable()).addHeaderWriter(new CacheHeadersWriter()))
                .authorizeHttpRequests(a -> a
                        // Error pages render the outcome of a request that was already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(OgcPaths.PATTERNS).permitAll()
                        .requestMatchers("/api/session").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/scenarios", "/api/scenarios/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/scenarios", "/api/scenarios/**").permitAll()
                        .requestMatchers("/api/scenarios", "/api/scenarios/**").hasRole(Role.PLANNER.name())
                        // AMII intentions: the template is public, what was loaded is for accounts, loading for planners
                        .requestMatchers(HttpMethod.GET, "/api/intentions/modele.csv", "/api/intentions/modele.geojson",
                                "/api/intentions/colonnes").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/intentions").hasAnyRole(Role.PLANNER.name(),
                                Role.FUNDER.name())
                        .requestMatchers("/api/intentions", "/api/intentions/**").hasRole(Role.PLANNER.name())
                        .requestMatchers("/api/chargements", "/api/chargements/**", "/api/couches", "/api/couches/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                                "/actuator/info").permitAll()
                        // Exposed or not (an unexposed one then answers 404 to an administrator only).
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
                        // The web map, webjars, /api/openapi, /swagger-ui: reading is open.
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        // A write to a path without a rule above (a future endpoint) is for administrators only.
                        .anyRequest().hasRole(Role.ADMIN.name()));
        return http.build();
    }
}
