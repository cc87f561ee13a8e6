package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.testing.RunningSampleService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Password guessing over HTTP on the shared running service. The guessed login exists in no
 * accounts file, so locking it cannot disturb the other test classes; the loopback address
 * they all share stays far below its own limit and is reset by the planner's success.
 */
class LoginLockoutHttpTest extends RunningSampleService {

    private static final String GUESSED = "fixture-intrus-verrou";

    @Test
    void fiveWrongPasswordsLockTheLoginWith429AndRetryAfterOnTheApiTheSessionAndOgc() throws Exception {
        HttpCalls http = new HttpCalls(url(""));
        ObjectMapper json = new ObjectMapper();
        try (AuditLines audit = new AuditLines()) {
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> r = http.send("GET", "/api/session", null, "Authorization",
                        new TestAccounts.Account(GUESSED, "fixture-essai-" + i).basic());
                assertThat(r.statusCode()).as("guess %d: %s", i, r.body()).isEqualTo(401);
            }
            // Locked now, whatever the password (none is checked) and whichever way it comes.
            HttpResponse<String> api = http.send("GET", "/api/session", null, "Authorization",
                    new TestAccounts.Account(GUESSED, "fixture-essai-6").basic());
            assertThat(api.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 30L);
            JsonNode error = json.readTree(api.body());
            assertThat(error.path("statut").asInt()).isEqualTo(429);
            assertThat(error.path("erreur").asText()).isEqualTo("trop_d_echecs");
            assertThat(error.path("message").asText()).startsWith("Trop d'échecs de connexion récents");
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

            HttpResponse<String> session = http.send("POST", "/api/session",
                    "{\"login\":\"" + GUESSED + "\",\"motDePasse\":\"fixture-essai-7\"}");
            assertThat(session.statusCode()).isEqualTo(429);
            assertThat(session.headers().firstValue("Retry-After")).isPresent();
            assertThat(json.readTree(session.body()).path("erreur").asText()).isEqualTo("trop_d_echecs");

            HttpResponse<String> ogc = http.send("GET", "/wfs?SERVICE=WFS&REQUEST=GetCapabilities", null,
                    "Authorization", new TestAccounts.Account(GUESSED, "fixture-essai-8").basic());
            assertThat(ogc.statusCode()).isEqualTo(429);
            assertThat(ogc.headers().firstValue("Retry-After")).isPresent();
            assertThat(ogc.body()).contains("ExceptionReport", "Trop d'échecs de connexion").doesNotContain("Exception:");

            // Other logins from the same address are not affected.
            HttpResponse<String> planner = http.send("GET", "/api/session", null, "Authorization",
                    TestAccounts.PLANNER.basic());
            assertThat(planner.statusCode()).isEqualTo(200);

            assertThat(audit.of("connexion_refusee")).hasSize(5).allMatch(l -> l.contains("login=" + GUESSED)
                    && l.contains(" ip=127.0.0.1 ") && l.endsWith("methode=basic"));
            assertThat(audit.of("verrouillage")).singleElement().asString()
                    .startsWith("evenement=verrouillage cle=login login=" + GUESSED + " ip=127.0.0.1 echecs=5 duree_s=");
            assertThat(audit.lines()).noneMatch(l -> l.contains("fixture-essai") || l.contains(TestAccounts.PLANNER.password()));
        }
    }
}
