package fr.carence.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.testing.RunningSampleService;
import fr.carence.testing.StartupReadinessProbe;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Actuator probes of a healthy service: readiness includes the store, liveness does not,
 * neither tells secrets; during the first start readiness refuses traffic. (The store going away
 * is played in {@link DatabaseOutageTest}.)
 */
class HealthProbesTest extends RunningSampleService {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private ObservationRegistry observations;

    @Test
    void requestsAreTimedButSecurityFiltersAreNotObservedOneByOne() {
        // application.yml: management.observations.enable.spring.security=false (cost per request,
        // see there); the request timer stays for operators who expose metrics.
        for (String name : new String[] {"spring.security.filterchains", "spring.security.authorizations"}) {
            Observation o = Observation.start(name, observations);
            assertThat(o.isNoop()).as(name).isTrue();
            o.stop();
        }
        Observation request = Observation.start("http.server.requests", observations);
        assertThat(request.isNoop()).isFalse();
        request.stop();
    }

    @Test
    void readinessRefusedTrafficDuringTheFirstStart() throws Exception {
        assertThat(StartupReadinessProbe.statusDuringStartup).isEqualTo(503);
        JsonNode body = json.readTree(StartupReadinessProbe.bodyDuringStartup);
        assertThat(body.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(body.path("components").path("readinessState").path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        // the store itself was fine: only the start-up work kept the service out
        assertThat(body.path("components").path("store").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessReportsTheStoreWithoutSecrets() throws Exception {
        HttpResponse<byte[]> r = new ServiceClient(port).getAsAdmin("/actuator/health/readiness");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        JsonNode store = body.path("components").path("store");
        assertThat(store.path("status").asText()).isEqualTo("UP");
        assertThat(store.path("details").path("magasin").asText()).isEqualTo("h2gis");
        // the sample's layers plus the default scenario's results
        assertThat(store.path("details").path("couches").asInt()).isGreaterThanOrEqualTo(15);
        String all = ServiceClient.text(new ServiceClient(port).getAsAdmin("/actuator/health"));
        assertThat(all).doesNotContain(DATA_DIR.toString()).doesNotContain("jdbc:");
    }

    @Test
    void healthDetailsAreForAdministratorsOnly() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            HttpResponse<byte[]> r = new ServiceClient(port).get(path); // the planner's client sends no credentials on GET
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            JsonNode body = json.readTree(r.body());
            assertThat(body.path("status").asText()).as(path).isEqualTo("UP");
            assertThat(body.has("components")).as(path + " anonymous: status only").isFalse();
            assertThat(ServiceClient.text(r)).as(path).doesNotContain("magasin", "h2gis", "couches");
        }
    }

    @Test
    void livenessDoesNotDependOnTheStore() throws Exception {
        HttpResponse<byte[]> r = new ServiceClient(port).getAsAdmin("/actuator/health/liveness");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").has("livenessState")).as("details shown to the administrator").isTrue();
        assertThat(body.path("components").has("store")).isFalse();
    }
}
