package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A process killed in the middle of a write ({@code destroyForcibly}, i.e. SIGKILL) leaves the
 * previous version readable, byte for byte, and its leftovers are cleaned at the next open.
 */
class InterruptedWriteTest {

    static final String LAYER = "fixture_killed";
    static final String PARTITIONED = "fixture_killed_sites";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"H2GIS, layer", "H2GIS, partition", "POSTGIS, layer", "POSTGIS, partition"})
    void killedWriterLeavesThePreviousVersion(StoreKind kind, String mode) throws Exception {
        String schema = kind == StoreKind.POSTGIS ? StoreTestSupport.createPostgisSchema() : null;
        try {
            StoreConfig config = kind == StoreKind.H2GIS ? StoreConfig.h2gis(dir)
                    : StoreTestSupport.postgisConfig(schema);
            List<String> before;
            try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(config)) {
                Fixtures.load(store, Fixtures.gridSchema(LAYER), Fixtures.grid());
                PartitionTest.writePartition(store, PARTITIONED, "defaut", 5);
                PartitionTest.writePartition(store, PARTITIONED, "autre", 3);
                before = snapshots(store);
            }  // H2: the file is locked by one process at a time

            killMidWrite(mode, config);

            // Reopened with no grace period, as after a restart: leftovers go, data stays.
            try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(config.withStagingGracePeriod(Duration.ZERO))) {
                assertThat(snapshots(store)).isEqualTo(before);
                List<String> published = List.of(store.publishedTable(LAYER).orElseThrow(),
                        store.publishedTable(PARTITIONED).orElseThrow());
                assertThat(LayerLifecycleTest.tables(store).stream().filter(t -> t.startsWith(LayerRegistry.TABLE_PREFIX)))
                        .containsExactlyInAnyOrderElementsOf(published);
                // and the store is writable again
                PartitionTest.writePartition(store, PARTITIONED, "defaut", 2);
                assertThat(PartitionTest.partitionSize(store, PARTITIONED, "autre")).isEqualTo(3);
            }
        } finally {
            if (schema != null) {
                StoreTestSupport.dropPostgisSchema(schema);
            }
        }
    }

    private static List<String> snapshots(JdbcFeatureStore store) {
        List<String> all = new ArrayList<>(LayerLifecycleTest.snapshot(store, LAYER));
        all.addAll(LayerLifecycleTest.snapshot(store, PARTITIONED));
        return all;
    }

    private void killMidWrite(String mode, StoreConfig config) throws IOException, InterruptedException {
        KilledChild.killAfter(InterruptedWriterMain.class, List.of(mode), config, "WRITING", dir);
    }
}
