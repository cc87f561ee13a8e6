package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureQuery;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        KilledChild.killAfter(InterruptedTransactionMain.class, List.of(), config, "PUBLISHING", dir);
    }
}
