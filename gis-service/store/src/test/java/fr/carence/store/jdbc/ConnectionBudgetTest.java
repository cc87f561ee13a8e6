package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A writer needs exactly one connection from start to commit: callers may keep as many writers
 * open as the pool has connections (a scenario run stages its four result layers together).
 */
class ConnectionBudgetTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void asManyOpenWritersAsPooledConnectionsCanAllCommit(StoreKind kind) {
        String schema = kind == StoreKind.POSTGIS ? StoreTestSupport.createPostgisSchema() : null;
        try {
            StoreConfig config = (kind == StoreKind.H2GIS ? StoreConfig.h2gis(dir) : StoreTestSupport.postgisConfig(schema))
                    .withMaxPoolSize(2);
            try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(config)) {
                PartitionTest.writePartition(store, "fixture_budget_b", "autre", 2);
                List<LayerWriter> writers = new ArrayList<>();
                try {
                    // a new layer (created on the fly) and an existing one
                    writers.add(store.replacePartition(PartitionTest.schema("fixture_budget_a"), "scenario", "defaut", Fixtures.SOURCE));
                    writers.add(store.replacePartition(PartitionTest.schema("fixture_budget_b"), "scenario", "defaut", Fixtures.SOURCE));
                    for (LayerWriter w : writers) {
                        w.write(PartitionTest.site("defaut", 1));
                    }
                    for (LayerWriter w : writers) {
                        w.commit();
                    }
                } finally {
                    writers.forEach(LayerWriter::close);
                }
                assertThat(store.count("fixture_budget_a", FeatureQuery.all())).isEqualTo(1);
                assertThat(store.count("fixture_budget_b", FeatureQuery.all())).isEqualTo(3);
            }
        } finally {
            if (schema != null) {
                StoreTestSupport.dropPostgisSchema(schema);
            }
        }
    }
}
