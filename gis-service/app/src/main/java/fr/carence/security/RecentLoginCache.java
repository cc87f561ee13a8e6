package fr.carence.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers successful password checks for a few minutes. GIS clients send Basic credentials
 * with every tile and every WFS page, and a BCrypt check costs about 0.1 s of CPU on purpose:
 * without this, an authenticated QGIS session would spend more time hashing than drawing.
 * GeoServer keeps such an authentication cache too. Only a SHA-256 of login and password is
 * kept, never the password; failures are never cached, so guessing still pays BCrypt each time.
 */
final class RecentLoginCache implements AuthenticationManager {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Authentication authentication, Instant expires) {
    }

    private final AuthenticationManager passwords;
    private final Clock clock;
    private final Map<String, Entry> recent = new ConcurrentHashMap<>();

    RecentLoginCache(AuthenticationManager passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request instanceof UsernamePasswordAuthenticationToken) || !(request.getCredentials() instanceof String password)) {
            return passwords.authenticate(request);
        }
        String key = ApiTokens.digest(request.getName() + '\u0000' + password);
        Instant now = clock.instant();
        Entry e = recent.get(key);
        if (e != null && now.isBefore(e.expires())) {
            return e.authentication();
        }
        Authentication done = passwords.authenticate(request);
        if (recent.size() >= MAX_ENTRIES) {
            recent.clear(); // a burst of distinct logins: start over rather than grow without bound
        }
        recent.put(key, new Entry(done, now.plus(TTL)));
        return done;
    }
}
