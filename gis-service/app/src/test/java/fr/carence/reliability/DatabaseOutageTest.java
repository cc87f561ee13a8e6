package fr.carence.reliability;

import static fr.carence.reliability.ServiceClient.contentType;
import static fr.carence.reliability.ServiceClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.app.CarenceApplication;
import fr.carence.security.TestAccounts;
import fr.carence.store.testing.PostgisCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PostGIS database going away under a running service, and coming back. The test owns its
 * own PostgreSQL cluster (stopped and started with pg_ctl on the same port), so nothing else is
 * disturbed. Covers: a request in flight when the server shuts down, every public face while it
 * is down (WMS, WFS, REST, health probes), a scenario run submitted during the outage, and
 * recovery without restarting the service (Hikari replaces the dead connections).
 */
@SpringBootTest(classes = CarenceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageTest {

    /** Never needed by trust authentication, so it must never appear anywhere either. */
    private static final String DB_PASSWORD = "mdp-base-fixture-7f3a";
    private static final String GET_MAP = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=carence:communes&STYLES="
            + "&CRS=EPSG:2154&BBOX=600000,6200000,700000,6300000&WIDTH=256&HEIGHT=256&FORMAT=image/png";
    private static final String GET_FEATURE = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes"
            + "&COUNT=20&OUTPUTFORMAT=application/json";
    private static final long RECOVERY_DEADLINE_MS = 120_000;
    private static final long SCENARIO_DEADLINE_MS = 15 * 60_000;

    private static PostgisCluster cluster;
    private static Path dataDir;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgisCluster.createForTest();
        dataDir = Files.createTempDirectory("carence-outage-");
    }

    @AfterAll
    static void removeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("carence.store.kind", () -> "postgis");
        registry.add("carence.store.jdbc-url", () -> cluster.jdbcUrl());
        registry.add("carence.store.user", () -> "postgres");
        registry.add("carence.store.password", () -> DB_PASSWORD);
        registry.add("carence.store.data-dir", () -> dataDir.toString());
        registry.add("carence.startup.default-scenario", () -> "false");
        registry.add("carence.catalog.dir", () -> "../../geoserver-data");
        registry.add("carence.styles.dir", () -> "../../sld-styles");
        TestAccounts.register(registry);
    }

    @Test
    void theServiceAnswersCleanlyWhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws Exception {
        ServiceClient client = new ServiceClient(port);
        assertServing(client);
        JsonNode ready = json.readTree(text(client.getAsAdmin("/actuator/health/readiness")));
        assertThat(ready.path("components").path("store").path("details").path("magasin").asText()).isEqualTo("postgis");
        assertThat(ready.path("components").path("store").path("details").path("couches").asInt()).isGreaterThan(5);

        // A WFS request blocked inside the database (the layer registry is locked) when the server shuts down.
        CompletableFuture<HttpResponse<byte[]>> inFlight;
        try (Connection admin = cluster.connect(); Statement st = admin.createStatement()) {
            admin.setAutoCommit(false);
            st.execute("LOCK TABLE carence_layer IN ACCESS EXCLUSIVE MODE");
            inFlight = client.getAsync(GET_FEATURE);
            awaitBlockedSession(admin);
            cluster.stop(PostgisCluster.StopMode.FAST);
        } catch (java.sql.SQLException expected) {
            // closing the admin connection of a stopped server
            inFlight = null;
        }
        assertThat(cluster.running()).isFalse();
        assertThat(inFlight).as("the request in flight").isNotNull();
        assertCleanOwsUnavailable(inFlight.get(2, TimeUnit.MINUTES), "ows:ExceptionReport");

        assertDown(client);
        // On PostGIS the run queue is in the database (docs/deployment.md): a run submitted while
        // it is down cannot be queued, so it is refused cleanly and nothing of it is recorded.
        HttpResponse<byte[]> refused = client.postScenario("{\"id\":\"pendant-panne\",\"nom\":\"Pendant la panne\"}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json.readTree(refused.body()).path("erreur").asText()).isEqualTo("base_indisponible");
        assertNoLeak(text(refused));

        cluster.start();
        awaitReady(client);
        assertServing(client);
        // The refused run left no record behind.
        assertThat(text(client.get("/api/scenarios"))).doesNotContain("pendant-panne");
        assertThat(client.postScenario("{\"id\":\"apres-panne\",\"nom\":\"Après la panne\"}").statusCode()).isEqualTo(202);
        assertThat(awaitFinished(client, "apres-panne").path("statut").asText()).isEqualTo("termine");
        assertThat(client.get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:zones_carence"
                + "&COUNT=1&OUTPUTFORMAT=application/json&SCENARIO=apres-panne").statusCode()).isEqualTo(200);

        // A crash-like stop (no clean session termination) is survived too.
        cluster.stop(PostgisCluster.StopMode.IMMEDIATE);
        assertDown(client);
        cluster.start();
        awaitReady(client);
        assertServing(client);
    }

    private void assertServing(ServiceClient client) throws Exception {
        HttpResponse<byte[]> map = client.get(GET_MAP);
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(contentType(map)).isEqualTo("image/png");
        HttpResponse<byte[]> features = client.get(GET_FEATURE);
        assertThat(features.statusCode()).isEqualTo(200);
        assertThat(json.readTree(features.body()).path("features").size()).isEqualTo(20);
        assertThat(client.get("/api/scenarios").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private void assertDown(ServiceClient client) throws Exception {
        assertCleanOwsUnavailable(client.get(GET_MAP), "ServiceExceptionReport");
        assertCleanOwsUnavailable(client.get(GET_FEATURE), "ows:ExceptionReport");
        HttpResponse<byte[]> api = client.get("/api/scenarios");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(json.readTree(api.body()).path("erreur").asText()).isEqualTo("base_indisponible");
        assertNoLeak(text(api));

        HttpResponse<byte[]> readiness = client.getAsAdmin("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonNode r = json.readTree(readiness.body());
        assertThat(r.path("status").asText()).isEqualTo("DOWN");
        assertThat(r.path("components").path("store").path("status").asText()).isEqualTo("DOWN");
        assertNoLeak(text(readiness));
        assertNoLeak(text(client.getAsAdmin("/actuator/health")));
        HttpResponse<byte[]> liveness = client.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");
    }

    private static void assertCleanOwsUnavailable(HttpResponse<byte[]> r, String root) {
        String body = text(r);
        assertThat(r.statusCode()).as(body).isEqualTo(503);
        assertThat(contentType(r)).contains("xml");
        assertThat(body).contains(root).contains("la base de données ne répond pas");
        assertNoLeak(body);
    }

    private static void assertNoLeak(String body) {
        assertThat(body).doesNotContain("jdbc:").doesNotContain(DB_PASSWORD).doesNotContain(String.valueOf(cluster.port()))
                .doesNotContain("Exception:").doesNotContain("\tat ").doesNotContain("PSQL").doesNotContain("SQLState");
    }

    /** Waits until a session other than ours waits on the registry lock: the request is inside the database. */
    private static void awaitBlockedSession(Connection admin) throws Exception {
        long end = System.currentTimeMillis() + RECOVERY_DEADLINE_MS;
        try (PreparedStatement ps = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND datname = current_database()")) {
            while (System.currentTimeMillis() < end) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the WFS request never reached the database");
    }

    private void awaitReady(ServiceClient client) throws Exception {
        long end = System.currentTimeMillis() + RECOVERY_DEADLINE_MS;
        while (client.get("/actuator/health/readiness").statusCode() != 200) {
            assertThat(System.currentTimeMillis()).as("readiness back UP before the deadline").isLessThan(end);
            Thread.sleep(200);
        }
    }

    private JsonNode awaitFinished(ServiceClient client, String id) throws Exception {
        long end = System.currentTimeMillis() + SCENARIO_DEADLINE_MS;
        while (true) {
            HttpResponse<byte[]> r = client.get("/api/scenarios/" + id);
            assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
            JsonNode record = json.readTree(r.body());
            String statut = record.path("statut").asText();
            if (statut.equals("termine") || statut.equals("echec")) {
                return record;
            }
            assertThat(System.currentTimeMillis()).as("scenario " + id + " finished before the deadline").isLessThan(end);
            Thread.sleep(250);
        }
    }
}
