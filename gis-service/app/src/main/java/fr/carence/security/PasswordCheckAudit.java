package fr.carence.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Writes {@code connexion_reussie} for each password actually checked. It sits behind
 * {@link RecentLoginCache}, so a GIS client's tiles reusing a recent check add no line
 * (failures are written by {@link LoginThrottle}, which sees all of them).
 */
final class PasswordCheckAudit implements AuthenticationManager {

    private final AuthenticationManager passwords;

    PasswordCheckAudit(AuthenticationManager passwords) {
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        Authentication done = passwords.authenticate(request);
        LoginDetails details = request.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
        AuditLog.event("connexion_reussie").with("login", done.getName()).with("ip", details.address())
                .with("methode", details.method()).log();
        return done;
    }
}
