package fr.carence.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.FeatureStore;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service killed (SIGKILL) in the middle of a scenario run, on a file-backed H2GIS store and on
 * PostGIS: the scenario machinery runs in a child JVM ({@link ScenarioRunChild}), and once its
 * analysis is done the test watches the store until the run's staging tables hold rows, then kills
 * it: the worst moment, results half-written and nothing published yet. After a restart: the
 * previous scenario's results and record are unchanged byte for byte, the interrupted run is
 * marked {@code echec} with nothing of it published, and a new run works.
 */
class KilledScenarioRunTest {

    private static final String PREVIOUS = ScenarioService.DEFAULT_ID;
    private static final String KILLED = "interrompu";
    private static final long DEADLINE_MS = 10 * 60_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aKilledRunLeavesThePreviousResultsAndIsMarkedFailed(StoreKind kind) throws Exception {
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
            killWhileStaging(kind, config, schema, leftovers);

            try (FeatureStore store = FeatureStores.open(config.withStagingGracePeriod(Duration.ZERO));
                 ScenarioService scenarios = new ScenarioService(store, 1, 4, null)) {
                assertThat(results(store, PREVIOUS)).isEqualTo(before);
                assertThat(scenarios.get(PREVIOUS)).contains(previousRecord);
                for (List<String> layer : results(store, KILLED)) {
                    assertThat(layer).as("results of the killed run").isEmpty();
                }
                Optional<ScenarioRecord> killed = scenarios.get(KILLED);
                killed.ifPresent(r -> {
                    assertThat(r.statut()).isEqualTo(ScenarioRecord.ECHEC);
                    assertThat(r.message()).contains("interrompu par un redémarrage");
                });

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

    private void killWhileStaging(StoreKind kind, StoreConfig config, String schema, Set<String> leftovers) throws Exception {
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
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            List<String> steps = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.startsWith("STEP ecriture ")) {
                steps.add(line);
            }
            assertThat(line).as("child steps %s, log: %s", steps, Files.readString(log)).isNotNull();
            // The analysis is done and the child holds the store: watch its staging tables fill.
            long end = System.currentTimeMillis() + DEADLINE_MS;
            boolean staging = false;
            try (Connection c = StagingTables.connect(config)) {
                while (!staging && child.isAlive() && System.currentTimeMillis() < end) {
                    staging = StagingTables.newStagingWithRows(c, schema, leftovers);
                    if (!staging) {
                        Thread.sleep(5);
                    }
                }
            }
            assertThat(staging).as("the run was caught writing its results (child alive: %s), log: %s",
                    child.isAlive(), Files.readString(log)).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
