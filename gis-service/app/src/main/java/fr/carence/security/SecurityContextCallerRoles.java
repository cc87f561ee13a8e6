package fr.carence.security;

import fr.carence.ogc.security.CallerRoles;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The OGC services' view of the caller: the roles of the request's authentication (Basic, Bearer
 * or session), with the role hierarchy applied, so ADMIN reads what FUNDER reads.
 */
@Component
public class SecurityContextCallerRoles implements CallerRoles {

    private final RoleHierarchy hierarchy;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    public SecurityContextCallerRoles(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @Override
    public Set<String> current() {
        return roles(SecurityContextHolder.getContext().getAuthentication()).stream().map(Role::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True for a real login (Basic, Bearer, session), false for null or the anonymous token. */
    boolean authenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !trust.isAnonymous(authentication);
    }

    /** Reachable roles of an authentication, in declaration order; none when anonymous or null. */
    Set<Role> roles(Authentication authentication) {
        if (!authenticated(authentication)) {
            return Set.of();
        }
        return hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).map(Role::fromAuthority).flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
