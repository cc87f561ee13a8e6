package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureQuery;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A process killed (SIGKILL) in the middle of a multi-layer publication, after one registry row
 * was already swapped inside the transaction, leaves every layer at its previous version, and the
 * store publishes the same transaction completely afterwards.
 */
class InterruptedTransactionTest {

    static final List<String> LAYERS = List.of("fixture_tx_killed_a", "fixture_tx_killed_b", "fixture_tx_killed_c");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void killedPublicationLeavesEveryLayerAsBefore(StoreKind kind) throws Exception {
        String schema = kind == StoreKind.POSTGIS ? StoreTestSupport.createPostgisSchema() : null;
        try {
            StoreConfig config = kind == StoreKind.H2GIS ? StoreConfig.h2gis(dir) : StoreTestSupport.postgisConfig(schema);
            List<String> before;
            try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(config)) {
                LayerTransactionTest.loadVersionOne(store, LAYERS.get(0), LAYERS.get(1));
                before = LayerTransactionTest.snapshot(store, LAYERS);
            }

            killMidPublication(config);

            try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(config.withStagingGracePeriod(Duration.ZERO))) {
                assertThat(LayerTransactionTest.snapshot(store, LAYERS)).isEqualTo(before);
                assertThat(LayerLifecycleTest.tables(store).stream().filter(t -> t.startsWith(LayerRegistry.TABLE_PREFIX)))
                        .containsExactlyInAnyOrder(store.publishedTable(LAYERS.get(0)).orElseThrow(),
                                store.publishedTable(LAYERS.get(1)).orElseThrow());
                try (var tx = LayerTransactionTest.versionTwo(store, LAYERS.get(0), LAYERS.get(1), LAYERS.get(2))) {
                    tx.commit();
                }
                assertThat(store.count(LAYERS.get(0), FeatureQuery.all())).isEqualTo(3);
                assertThat(PartitionTest.partitionSize(store, LAYERS.get(1), "defaut")).isEqualTo(5);
                assertThat(store.count(LAYERS.get(2), FeatureQuery.all())).isEqualTo(2);
            }
        } finally {
            if (schema != null) {
                StoreTestSupport.dropPostgisSchema(schema);
            }
        }
    }

    private void killMidPublication(StoreConfig config) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InterruptedTransactionMain.class.getName()));
        if (config.kind() == StoreConfig.Kind.H2GIS) {
            command.addAll(List.of("h2gis", config.dataDirectory().toString()));
        } else {
            command.addAll(List.of("postgis", config.jdbcUrl(), config.user(), config.password() == null ? "" : config.password()));
        }
        Path log = Files.createTempFile(dir, "child", ".log");
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean publishing = false;
            while (!publishing && (line = out.readLine()) != null) {
                publishing = line.equals("PUBLISHING");
            }
            assertThat(publishing).as("child output: %s", Files.readString(log)).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
