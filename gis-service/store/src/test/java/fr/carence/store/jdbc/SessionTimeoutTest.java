package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 applies {@code Statement.setQueryTimeout} to the whole session, and sessions go back to the
 * pool: the 2 s limit of the DROP of a replaced layer's old table must not outlive it, or the
 * next statement on that connection (an extent scan, a long read without a timeout of its own) is
 * cancelled after 2 s. (PostgreSQL's driver keeps timeouts per statement, so this is H2's case.)
 */
class SessionTimeoutTest {

    @Test
    void replacingALayerLeavesNoTimeoutOnThePooledSession(@TempDir Path dir) throws Exception {
        // Two connections in the pool (the fewest the migrations need), both checked below, so the
        // one that dropped the old table is among them.
        try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(StoreConfig.h2gis(dir).withMaxPoolSize(2))) {
            Fixtures.load(store, Fixtures.gridSchema("grille"), Fixtures.grid());
            // The second version replaces the first, whose table is dropped with a 2 s timeout.
            Fixtures.load(store, Fixtures.gridSchema("grille"), Fixtures.grid());
            try (Connection a = store.connection(); Connection b = store.connection();
                 Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                assertThat(sa.getQueryTimeout()).isZero();
                assertThat(sb.getQueryTimeout()).isZero();
            }
        }
    }
}
