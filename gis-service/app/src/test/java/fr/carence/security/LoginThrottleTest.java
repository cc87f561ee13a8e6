package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Password guessing is slowed down per login and per address, with a fake clock. The real check
 * behind the throttle is a counting fixture: a refusal that does not reach it cost no BCrypt.
 */
class LoginThrottleTest {

    private static final Map<String, String> PASSWORDS = Map.of("alice", "secret", "bob", "hunter2");
    private static final LockoutProperties LIMITS = new LockoutProperties(5, 20, Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofHours(1), 10_000);

    private final FixtureClock clock = new FixtureClock();
    private int checks;

    private LoginThrottle throttle(LockoutProperties limits) {
        return new LoginThrottle(request -> {
            checks++;
            if (!request.getCredentials().equals(PASSWORDS.get(request.getName()))) {
                throw new BadCredentialsException("fixture: wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_FUNDER")));
        }, limits, clock);
    }

    private static Authentication attempt(String login, String password, String address) {
        UsernamePasswordAuthenticationToken t = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        t.setDetails(new LoginDetails(address, LoginDetails.BASIC));
        return t;
    }

    /** n distinct wrong passwords for login, each from its own address (so no address is locked). */
    private static void wrongPasswords(LoginThrottle t, String login, int n, String tag) {
        for (int i = 0; i < n; i++) {
            String guess = "guess-" + tag + "-" + i;
            String address = "192.0.2." + (i + 1);
            assertThatThrownBy(() -> t.authenticate(attempt(login, guess, address))).isInstanceOf(BadCredentialsException.class)
                    .isNotInstanceOf(LoginLockedException.class);
        }
    }

    private static long lockedFor(LoginThrottle t, Authentication a) {
        try {
            t.authenticate(a);
        } catch (LoginLockedException e) {
            return e.retryAfterSeconds();
        }
        throw new AssertionError("not locked: " + a.getName());
    }

    @Test
    void aLoginIsLockedAfterFiveDistinctWrongPasswordsAndEvenItsRightPasswordIsThenNotChecked() {
        LoginThrottle t = throttle(LIMITS);
        wrongPasswords(t, "alice", 5, "a");
        assertThat(checks).isEqualTo(5);
        assertThat(lockedFor(t, attempt("alice", "secret", "198.51.100.7"))).isEqualTo(30);
        assertThat(lockedFor(t, attempt("alice", "another-guess", "198.51.100.8"))).isEqualTo(30);
        assertThat(checks).as("refused before the password check").isEqualTo(5);
        assertThat(t.authenticate(attempt("bob", "hunter2", "198.51.100.7")).isAuthenticated()).as("other logins").isTrue();

        clock.advance(Duration.ofSeconds(29));
        assertThat(lockedFor(t, attempt("alice", "secret", "198.51.100.7"))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(t.authenticate(attempt("alice", "secret", "198.51.100.7")).getName()).isEqualTo("alice");
        // The success reset the counter: four new failures do not lock again.
        wrongPasswords(t, "alice", 4, "b");
        assertThat(t.authenticate(attempt("alice", "secret", "198.51.100.7")).isAuthenticated()).isTrue();
    }

    @Test
    void eachFurtherFailureAfterALockDoublesTheDelayUpToTheMaximum() {
        LoginThrottle t = throttle(LIMITS);
        wrongPasswords(t, "alice", 5, "a");
        long[] expected = {60, 120, 240, 480, 900, 900};
        for (int i = 0; i < expected.length; i++) {
            clock.advance(Duration.ofMinutes(15));
            wrongPasswords(t, "alice", 1, "more-" + i);
            assertThat(lockedFor(t, attempt("alice", "secret", "198.51.100.7"))).as("failure %d", 6 + i).isEqualTo(expected[i]);
        }
    }

    @Test
    void theSameWrongPasswordAgainIsRefusedWithoutACheckAndNeverLocks() {
        LoginThrottle t = throttle(LIMITS);
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> t.authenticate(attempt("alice", "stale-saved-password", "203.0.113.5")))
                    .isInstanceOf(BadCredentialsException.class).isNotInstanceOf(LoginLockedException.class);
        }
        assertThat(checks).as("a QGIS client resending a stale password with every tile").isEqualTo(1);
        assertThat(t.authenticate(attempt("alice", "secret", "203.0.113.5")).isAuthenticated()).isTrue();
    }

    @Test
    void anAddressTryingManyLoginsIsLockedWhileOtherAddressesAreNot() {
        LoginThrottle t = throttle(LIMITS);
        for (int i = 0; i < 20; i++) {
            String login = "user" + i;
            assertThatThrownBy(() -> t.authenticate(attempt(login, "Password1", "203.0.113.66")))
                    .isNotInstanceOf(LoginLockedException.class);
        }
        assertThat(lockedFor(t, attempt("bob", "hunter2", "203.0.113.66"))).isEqualTo(30);
        assertThat(checks).isEqualTo(20);
        assertThat(t.authenticate(attempt("bob", "hunter2", "203.0.113.67")).isAuthenticated()).isTrue();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        LoginThrottle t = throttle(LIMITS);
        wrongPasswords(t, "alice", 4, "a");
        clock.advance(Duration.ofHours(1));
        wrongPasswords(t, "alice", 4, "b");
        assertThat(t.authenticate(attempt("alice", "secret", "198.51.100.7")).isAuthenticated()).isTrue();
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfLoginsAndAddresses() {
        LoginThrottle t = throttle(new LockoutProperties(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1), 50));
        for (int i = 0; i < 1_000; i++) {
            String login = "random-" + i;
            String address = "10.0." + (i / 250) + "." + (i % 250);
            assertThatThrownBy(() -> t.authenticate(attempt(login, "x", address))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(t.trackedKeys()).isLessThanOrEqualTo(50);
    }

    @Test
    void aLockedLoginIsNeverEvictedBeforeItsLockExpiresWhateverTheFloodOfNewKeys() {
        // Room for 12 keys: alice's 5 failures use alice's key and 5 address keys (6 in all).
        LoginThrottle t = throttle(new LockoutProperties(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1), 12));
        wrongPasswords(t, "alice", 5, "a");
        // 500 other logins from 500 other addresses: without the rule the least recently seen key
        // (alice's, locked) would be dropped and her lock lifted.
        for (int i = 0; i < 500; i++) {
            String login = "flood-" + i;
            String address = "10.1." + (i / 250) + "." + (i % 250);
            assertThatThrownBy(() -> t.authenticate(attempt(login, "x", address))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(t.trackedKeys()).isLessThanOrEqualTo(12);
        assertThat(lockedFor(t, attempt("alice", "secret", "198.51.100.9"))).isEqualTo(30);
        clock.advance(Duration.ofSeconds(30));
        assertThat(t.authenticate(attempt("alice", "secret", "198.51.100.9")).isAuthenticated()).as("lock expired").isTrue();
    }

    @Test
    void whenEveryFollowedKeyIsLockedANewKeyIsNotFollowedRatherThanALockLifted() {
        // Room for 2 keys: alice's and carol's login keys, both locked. Failures come without an address.
        LoginThrottle t = throttle(new LockoutProperties(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1), 2));
        for (String login : List.of("alice", "carol")) {
            for (int i = 0; i < 5; i++) {
                String guess = "g" + i;
                assertThatThrownBy(() -> t.authenticate(attempt(login, guess, null))).isNotInstanceOf(LoginLockedException.class);
            }
        }
        assertThatThrownBy(() -> t.authenticate(attempt("bob", "wrong", null))).isNotInstanceOf(LoginLockedException.class);
        assertThat(t.trackedKeys()).isEqualTo(2);
        assertThat(lockedFor(t, attempt("alice", "secret", null))).isEqualTo(30);
        assertThat(lockedFor(t, attempt("carol", "x", null))).isEqualTo(30);
    }

    @Test
    void otherKindsOfAuthenticationPassThrough() {
        LoginThrottle t = new LoginThrottle(request -> request, LIMITS, clock);
        Authentication token = UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of());
        assertThat(t.authenticate(token)).isSameAs(token);
    }
}
