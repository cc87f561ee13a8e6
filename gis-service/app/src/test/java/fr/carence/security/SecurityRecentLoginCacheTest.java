package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Successful password checks are remembered for a few minutes; failures and other passwords are not. */
class SecurityRecentLoginCacheTest {

    private int checks;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private RecentLoginCache cache() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        UserDetails alice = User.withUsername("alice").password(bcrypt.encode("secret")).authorities("ROLE_FUNDER").build();
        UserDetailsService users = new InMemoryUserDetailsManager(List.of(alice));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(bcrypt);
        ProviderManager real = new ProviderManager(provider);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new RecentLoginCache(request -> {
            checks++;
            return real.authenticate(request);
        }, clock);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aSuccessIsRememberedUntilItExpires() {
        RecentLoginCache cache = cache();
        Authentication first = cache.authenticate(login("alice", "secret"));
        assertThat(first.isAuthenticated()).isTrue();
        assertThat(first.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FUNDER");
        assertThat(cache.authenticate(login("alice", "secret"))).isSameAs(first);
        assertThat(checks).isEqualTo(1);
        now = now.plus(RecentLoginCache.TTL).plus(Duration.ofSeconds(1));
        cache.authenticate(login("alice", "secret"));
        assertThat(checks).isEqualTo(2);
    }

    @Test
    void failuresAndOtherPasswordsAlwaysGoToTheRealCheck() {
        RecentLoginCache cache = cache();
        cache.authenticate(login("alice", "secret"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(login("alice", "Secret"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> cache.authenticate(login("bob", "secret"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).isEqualTo(5);
    }
}
