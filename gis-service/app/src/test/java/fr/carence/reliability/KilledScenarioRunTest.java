package fr.carence.reliability;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.FeatureStore;
import fr.carence.store.ScenarioIds;
import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed (SIGKILL) in the middle of a scenario run, on a file-backed H2GIS store and on
 * PostGIS: the scenario machinery runs in a child JVM ({@link ScenarioRunChild}); once its analysis
 * is done the test watches the store and kills it either while its staging tables fill, or once
 * they are indexed and its publication waits on registry rows the test holds. After a restart:
 * the previous scenario's results and record are unchanged byte for byte, the interrupted run is
 * marked {@code echec} with nothing of it published, and a new run works. (The second moment on
 * H2GIS found a file H2 could not reopen, fixed by a CHECKPOINT in {@code H2gisDialect.persistStaged}.)
 */
class KilledScenarioRunTest {

    private static final String PREVIOUS = ScenarioIds.DEFAULT_ID;
    private static final String KILLED = "interrompu";
    private static final long DEADLINE_MS = 10 * 60_000L;

    @TempDir
    Path dir;

    /** Where the run is when it is killed. */
    enum Moment {
        /** Its staging tables are filling: results half-written. */
        STAGING,
        /** Staged and indexed, waiting for the registry rows to publish (the test holds them). */
        PUBLICATION
    }

    @ParameterizedTest(name = "{0} killed during {1}")
    @CsvSource({"H2GIS, STAGING", "H2GIS, PUBLICATION", "POSTGIS, STAGING", "POSTGIS, PUBLICATION"})
    void aKilledRunLeavesThePreviousResultsAndIsMarkedFailed(StoreKind kind, Moment moment) throws Exception {
        String schema = kind == StoreKind.POSTGIS ? StoreTestSupport.createPostgisSchema() : null;
        try {
            StoreConfig config = kind == StoreKind.H2GIS ? StoreConfig.h2gis(dir).withH2AutoServer(true)
                    : StoreTestSupport.postgisConfig(schema);
            List<List<String>> before;
            ScenarioRecord previousRecord;
            try (FeatureStore store = FeatureStores.open(config);
                 ScenarioService scenarios = new ScenarioService(store, 1, 4, null)) {
                OccitanieSample.loadInto(store, Progress.silent());
                scenarios.submit(PREVIOUS, "Scénario par défaut", Map.of());
                assertThat(scenarios.await(PREVIOUS, DEADLINE_MS)).isTrue();
                previousRecord = scenarios.get(PREVIOUS).orElseThrow();
                assertThat(previousRecord.statut()).isEqualTo(ScenarioRecord.TERMINE);
                before = results(store, PREVIOUS);
                assertThat(before.get(0)).isNotEmpty();
            }

            Set<String> leftovers;
            try (Connection c = StagingTables.connect(config)) {
                leftovers = StagingTables.unpublished(c, schema);
            }
            killDuring(moment, kind, config, schema, leftovers);

            try (FeatureStore store = FeatureStores.open(config.withStagingGracePeriod(Duration.ZERO));
                 ScenarioService scenarios = new ScenarioService(store, 1, 4, null)) {
                assertThat(results(store, PREVIOUS)).isEqualTo(before);
                assertThat(scenarios.get(PREVIOUS)).contains(previousRecord);
                for (List<String> layer : results(store, KILLED)) {
                    assertThat(layer).as("results of the killed run").isEmpty();
                }
                // Its "en_cours" record was written when it started; the restart marks it failed.
                ScenarioRecord killed = scenarios.get(KILLED).orElseThrow();
                assertThat(killed.statut()).isEqualTo(ScenarioRecord.ECHEC);
                assertThat(killed.message()).contains("interrompu par un redémarrage");

                scenarios.submit("apres-arret", "Après l'arrêt brutal", Map.of());
                assertThat(scenarios.await("apres-arret", DEADLINE_MS)).isTrue();
                assertThat(scenarios.get("apres-arret").orElseThrow().statut()).isEqualTo(ScenarioRecord.TERMINE);
                assertThat(results(store, "apres-arret").get(0)).hasSameSizeAs(before.get(0));
                assertThat(results(store, PREVIOUS)).isEqualTo(before);
            }
        } finally {
            if (schema != null) {
                StoreTestSupport.dropPostgisSchema(schema);
            }
        }
    }

    /** The four result partitions of a scenario, in {@link ResultLayers#RESULT_LAYERS} order. */
    private static List<List<String>> results(FeatureStore store, String scenario) {
        List<List<String>> out = new ArrayList<>();
        for (String layer : ResultLayers.RESULT_LAYERS) {
            out.add(LayerContents.partition(store, layer, ResultLayers.PARTITION, scenario));
        }
        return out;
    }

    /**
     * Starts the run in a child JVM and kills it at the given moment. The test connects to the
     * store only once the child holds it (after "ecriture": the analysis has read everything).
     */
    private void killDuring(Moment moment, StoreKind kind, StoreConfig config, String schema, Set<String> leftovers)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), ScenarioRunChild.class.getName()));
        if (kind == StoreKind.H2GIS) {
            command.addAll(List.of("h2gis", config.dataDirectory().toString()));
        } else {
            command.addAll(List.of("postgis", config.jdbcUrl(), config.user(), config.password() == null ? "" : config.password()));
        }
        command.add(KILLED);
        Path log = Files.createTempFile(dir, "child", ".log");
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Connection watcher = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            List<String> steps = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.startsWith("STEP ecriture ")) {
                steps.add(line);
            }
            assertThat(line).as("child steps %s, log: %s", steps, Files.readString(log)).isNotNull();
            watcher = StagingTables.connect(config);
            if (moment == Moment.PUBLICATION) {
                lockRegistry(kind, watcher);
            }
            long end = System.currentTimeMillis() + DEADLINE_MS;
            boolean caught = false;
            while (!caught && child.isAlive() && System.currentTimeMillis() < end) {
                caught = moment == Moment.STAGING ? StagingTables.newStagingWithRows(watcher, schema, leftovers)
                        : waitsOnALock(kind, watcher);
                if (!caught) {
                    Thread.sleep(5);
                }
            }
            assertThat(caught).as("the run was caught at its %s (child alive: %s), log: %s",
                    moment, child.isAlive(), Files.readString(log)).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (watcher != null) {
                try {
                    watcher.close();
                } catch (SQLException e) {
                    // H2GIS: the connection went through the killed process's AUTO_SERVER
                }
            }
        }
    }

    /** Holds every registry row, so the run's publication (which updates them) waits for us. */
    private static void lockRegistry(StoreKind kind, Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            if (kind == StoreKind.H2GIS) {
                st.executeQuery("SELECT * FROM carence_layer FOR UPDATE").close();
            } else {
                st.execute("LOCK TABLE carence_layer IN ACCESS EXCLUSIVE MODE");
            }
        }
    }

    private static boolean waitsOnALock(StoreKind kind, Connection c) throws SQLException {
        String sql = kind == StoreKind.H2GIS
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                : "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() "
                        + "AND datname = current_database()";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
