package fr.carence.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.app.CarenceApplication;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.security.TestAccounts;
import fr.carence.store.FeatureStore;
import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.testing.StoreTestSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service (child JVMs) on one PostGIS database, as docs/deployment.md runs
 * them behind nginx. A planner logs in on each; a scenario is submitted; the instance that claimed
 * it from the shared queue is killed (SIGKILL) in the middle of the run. The other instance must
 * take the run over once the claim's lease (4 s here) has expired and finish it ({@code termine},
 * or {@code echec} with a message: never left {@code en_cours}), and the web map session opened
 * on the killed instance must still be valid on the survivor (Spring Session JDBC).
 */
class TwoInstancesKillTest {

    private static final String RUN = "survie";
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final long START_DEADLINE_MS = 4 * 60_000L;
    private static final long RUN_DEADLINE_MS = 6 * 60_000L;
    private static final Pattern STATUT = Pattern.compile("\"statut\"\\s*:\\s*\"([a-z_]+)\"");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRunWhoseInstanceIsKilledEndsOnTheOtherAndSessionsSurvive() throws Exception {
        String schema = StoreTestSupport.createPostgisSchema();
        List<Instance> instances = new ArrayList<>();
        try {
            StoreConfig config = StoreTestSupport.postgisConfig(schema);
            try (FeatureStore store = FeatureStores.open(config)) {
                OccitanieSample.loadInto(store, Progress.silent());
            }
            instances.add(start("a", config));
            instances.add(start("b", config));
            for (Instance i : instances) {
                i.awaitReady();
            }
            // A web map login on each instance: whichever dies, its session must outlive it.
            Map<String, String> sessions = Map.of("a", login(instances.get(0)), "b", login(instances.get(1)));

            HttpResponse<String> submitted = send(HttpRequest.newBuilder(instances.get(0).uri("/api/scenarios"))
                    .header("Authorization", TestAccounts.PLANNER.basic()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + RUN + "\",\"nom\":\"Survie à un arrêt\"}")));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);

            String owner;
            try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
                owner = awaitClaim(c, instances);
            }
            Instance killed = instances.stream().filter(i -> i.name.equals(owner)).findFirst().orElseThrow();
            Instance survivor = instances.stream().filter(i -> i != killed).findFirst().orElseThrow();
            killed.process.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
            assertThat(killed.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.currentTimeMillis();

            String statut = null;
            String body = null;
            while (System.currentTimeMillis() - killedAt < RUN_DEADLINE_MS) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(survivor.uri("/api/scenarios/" + RUN))
                        .header("Authorization", TestAccounts.PLANNER.basic()).GET());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                body = r.body();
                Matcher m = STATUT.matcher(body);
                assertThat(m.find()).as(body).isTrue();
                statut = m.group(1);
                if (statut.equals("termine") || statut.equals("echec")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(statut).as("run after its instance %s was killed: %s; survivor log:%n%s", owner, body,
                    survivor.logTail()).isIn("termine", "echec");
            assertThat(survivor.log()).contains("taking over a run abandoned by instance " + owner);

            HttpResponse<String> who = send(HttpRequest.newBuilder(survivor.uri("/api/session"))
                    .header("Cookie", sessions.get(owner)).GET());
            assertThat(who.statusCode()).isEqualTo(200);
            assertThat(who.body()).as("session opened on the killed instance, read on the survivor")
                    .contains("\"login\":\"" + TestAccounts.PLANNER.login() + "\"");
        } finally {
            for (Instance i : instances) {
                i.process.destroyForcibly();
                i.process.waitFor(60, TimeUnit.SECONDS);
            }
            StoreTestSupport.dropPostgisSchema(schema);
        }
    }

    /** Waits until one instance has claimed the run and is computing it; returns that instance's name. */
    private static String awaitClaim(Connection c, List<Instance> instances) throws SQLException, InterruptedException {
        long end = System.currentTimeMillis() + RUN_DEADLINE_MS;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT instance, statut, progression FROM carence_run_queue WHERE scenario_id = ?")) {
            st.setString(1, RUN);
            while (System.currentTimeMillis() < end) {
                try (ResultSet rs = st.executeQuery()) {
                    // Past the first progress report: the run is really under way, its results not published.
                    if (rs.next() && "en_cours".equals(rs.getString(2)) && rs.getDouble(3) > 0) {
                        return rs.getString(1);
                    }
                }
                for (Instance i : instances) {
                    assertThat(i.process.isAlive()).as("instance %s died:%n%s", i.name, i.logTail()).isTrue();
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no instance claimed the run in time");
    }

    /** Opens a web map session; returns the Cookie header that carries it. */
    private String login(Instance i) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(i.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + TestAccounts.PLANNER.login()
                        + "\",\"motDePasse\":\"" + TestAccounts.PLANNER.password() + "\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("SESSION="))
                .map(v -> v.substring(0, v.indexOf(';') < 0 ? v.length() : v.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION cookie (Spring Session JDBC): " + r.headers().map()));
        HttpResponse<String> who = send(HttpRequest.newBuilder(i.uri("/api/session")).header("Cookie", cookie).GET());
        assertThat(who.body()).contains("\"login\":\"" + TestAccounts.PLANNER.login() + "\"");
        return cookie;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Instance start(String name, StoreConfig config) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path accounts = TestAccounts.files();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-cp", System.getProperty("java.class.path"), CarenceApplication.class.getName(),
                "--server.port=" + port,
                "--carence.store.kind=postgis",
                "--carence.store.jdbc-url=" + config.jdbcUrl(),
                "--carence.store.user=" + config.user(),
                "--carence.store.password=" + (config.password() == null ? "" : config.password()),
                "--carence.cluster.instance-id=" + name,
                "--carence.cluster.lease=" + LEASE.toSeconds() + "s",
                "--carence.cluster.poll=500ms",
                "--carence.startup.load-sample=false",
                "--carence.startup.default-scenario=false",
                "--carence.wms.cache-megabytes=32",
                "--carence.catalog.dir=../../geoserver-data",
                "--carence.styles.dir=../../sld-styles",
                "--carence.security.users-file=" + accounts.resolve("users.properties"),
                "--carence.security.tokens-file=" + accounts.resolve("tokens.properties"));
        Path log = dir.resolve("instance-" + name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(name, port, p, log);
    }

    private final class Instance {
        final String name;
        final int port;
        final Process process;
        final Path log;

        Instance(String name, int port, Process process, Path log) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.log = log;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void awaitReady() throws IOException, InterruptedException {
            long end = System.currentTimeMillis() + START_DEADLINE_MS;
            while (System.currentTimeMillis() < end) {
                assertThat(process.isAlive()).as("instance %s stopped:%n%s", name, logTail()).isTrue();
                try {
                    if (send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(300);
            }
            throw new AssertionError("instance " + name + " not ready in time:\n" + logTail());
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        String logTail() {
            try {
                String all = log();
                return all.substring(Math.max(0, all.length() - 6000));
            } catch (IOException e) {
                return "(log unreadable: " + e.getMessage() + ")";
            }
        }
    }
}
