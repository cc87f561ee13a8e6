package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The audit line format, and the login events of the real password chain (throttle, cache, BCrypt). */
class AuditLogTest {

    @Test
    void valuesAreQuotedWhenNeededAndCannotForgeASecondLine() {
        String line = AuditLog.event("connexion_refusee").with("login", "eve\nevenement=connexion_reussie login=admin")
                .with("ip", "192.0.2.1").with("vide", "").with("absent", null).with("guillemet", "a\"b").line();
        assertThat(line).doesNotContain("\n", "\r")
                .isEqualTo("evenement=connexion_refusee login=\"eve?evenement=connexion_reussie login=admin\" ip=192.0.2.1 "
                        + "vide=\"\" absent=- guillemet=\"a\\\"b\"");
        assertThat(AuditLog.format("x".repeat(500))).hasSize(201);
    }

    @Test
    void successesFailuresAndLockoutsAreWrittenWithoutThePassword() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("alice").password(bcrypt.encode("fixture-secret")).authorities("ROLE_PLANNER").build()));
        provider.setPasswordEncoder(bcrypt);
        FixtureClock clock = new FixtureClock();
        LoginThrottle chain = new LoginThrottle(new RecentLoginCache(new PasswordCheckAudit(new ProviderManager(provider)),
                clock), new LockoutProperties(3, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1),
                100), clock);
        try (AuditLines audit = new AuditLines()) {
            chain.authenticate(attempt("alice", "fixture-secret", LoginDetails.SESSION));
            chain.authenticate(attempt("alice", "fixture-secret", LoginDetails.BASIC));
            assertThat(audit.of("connexion_reussie")).as("the second one reuses the recent check")
                    .containsExactly("evenement=connexion_reussie login=alice ip=192.0.2.10 methode=session");
            for (String wrong : List.of("fixture-wrong-1", "fixture-wrong-2", "fixture-wrong-3")) {
                assertThatThrownBy(() -> chain.authenticate(attempt("alice", wrong, LoginDetails.BASIC)))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> chain.authenticate(attempt("alice", "fixture-secret", LoginDetails.BASIC)))
                    .isInstanceOf(LoginLockedException.class);
            assertThat(audit.of("connexion_refusee")).hasSize(3)
                    .allMatch(l -> l.equals("evenement=connexion_refusee login=alice ip=192.0.2.10 methode=basic"));
            assertThat(audit.of("verrouillage"))
                    .containsExactly("evenement=verrouillage cle=login login=alice ip=192.0.2.10 echecs=3 duree_s=30");
            assertThat(audit.lines()).noneMatch(l -> l.contains("fixture-secret") || l.contains("fixture-wrong"));
        }
    }

    private static Authentication attempt(String login, String password, String method) {
        UsernamePasswordAuthenticationToken t = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        t.setDetails(new LoginDetails("192.0.2.10", method));
        return t;
    }
}
