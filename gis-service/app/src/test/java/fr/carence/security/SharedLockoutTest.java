package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.cluster.SharedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Two instances' {@link LoginThrottle}s on one PostGIS database (the cluster tables migrated as
 * the service does): what one instance counts, the other sees. Lock times come from the
 * database clock, so the checks are on whole seconds with a margin.
 */
class SharedLockoutTest {

    private static final LockoutProperties LIMITS = new LockoutProperties(3, 20, Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofHours(1), 10_000);

    private SharedDatabase database;
    private int checks;

    @BeforeEach
    void database() {
        database = new SharedDatabase();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    private LoginThrottle instance() {
        return new LoginThrottle(request -> {
            checks++;
            if (!"secret".equals(request.getCredentials())) {
                throw new BadCredentialsException("fixture: wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_PLANNER")));
        }, LIMITS, Clock.systemUTC(), new DatabaseLockoutCounters(database.dataSource(), LIMITS.forgetAfter(),
                LoginThrottle.REMEMBERED_GUESSES));
    }

    private static Authentication attempt(String password, String address) {
        UsernamePasswordAuthenticationToken t = UsernamePasswordAuthenticationToken.unauthenticated("alice", password);
        t.setDetails(new LoginDetails(address, LoginDetails.BASIC));
        return t;
    }

    @Test
    void aLockoutCountedOnOneInstanceHoldsOnTheOther() {
        LoginThrottle a = instance();
        LoginThrottle b = instance();
        assertThatThrownBy(() -> a.authenticate(attempt("g1", "192.0.2.1"))).isInstanceOf(BadCredentialsException.class);
        // The same wrong password sent to the other instance is a repeat: refused, not counted, no check.
        assertThatThrownBy(() -> b.authenticate(attempt("g1", "192.0.2.2"))).isInstanceOf(BadCredentialsException.class)
                .isNotInstanceOf(LoginLockedException.class);
        assertThat(checks).isEqualTo(1);
        assertThatThrownBy(() -> b.authenticate(attempt("g2", "192.0.2.3"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> a.authenticate(attempt("g3", "192.0.2.4"))).isInstanceOf(BadCredentialsException.class)
                .isNotInstanceOf(LoginLockedException.class);
        assertThat(checks).isEqualTo(3);
        // Third distinct failure (limit 3): locked for first-delay = 60 s, on both instances, right password included.
        for (LoginThrottle t : List.of(a, b)) {
            assertThatThrownBy(() -> t.authenticate(attempt("secret", "198.51.100.9")))
                    .isInstanceOfSatisfying(LoginLockedException.class,
                            e -> assertThat(e.retryAfterSeconds()).isBetween(55L, 60L));
        }
        assertThat(checks).as("locked out before the password check").isEqualTo(3);
    }

    @Test
    void aSuccessOnOneInstanceResetsTheCountersOfBoth() {
        LoginThrottle a = instance();
        LoginThrottle b = instance();
        assertThatThrownBy(() -> a.authenticate(attempt("g1", "192.0.2.1"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> a.authenticate(attempt("g2", "192.0.2.1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(b.authenticate(attempt("secret", "192.0.2.1")).isAuthenticated()).isTrue();
        // Two new failures after the reset do not reach the limit of three.
        assertThatThrownBy(() -> a.authenticate(attempt("g3", "192.0.2.1"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> b.authenticate(attempt("g4", "192.0.2.1"))).isInstanceOf(BadCredentialsException.class)
                .isNotInstanceOf(LoginLockedException.class);
        assertThat(a.authenticate(attempt("secret", "192.0.2.1")).isAuthenticated()).isTrue();
    }
}
