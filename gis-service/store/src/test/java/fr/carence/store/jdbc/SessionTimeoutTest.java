package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.StoreKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 applies {@code Statement.setQueryTimeout} to the whole session, and sessions go back to the
 * pool: a time limit set by one statement (the 2 s of the DROP of a replaced layer's old table, or
 * a read's {@link FeatureQuery#timeout()}) must not outlive it, or the next borrower of that
 * connection (an extent scan, a long read without a timeout of its own) is cancelled after it.
 * PostgreSQL's driver keeps timeouts per statement (a client-side cancel, no {@code SET
 * statement_timeout}): checked equally, so a change there would be caught.
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
            assertNoTimeoutOnAnyPooledConnection(store, 2);
        }
    }

    /**
     * H2 streams a read lazily ({@code SET LAZY_QUERY_EXECUTION TRUE} on the cursor's session): the
     * setting must not outlive the cursor, whether it was read to the end, closed half-way or
     * stopped by its time limit, or other users of the pooled session would get lazy results; nor
     * must the REPEATABLE READ transaction the read runs in (ConcurrentReplaceTest says why).
     */
    @Test
    void aStreamedReadLeavesNoLazyExecutionOnThePooledSession(@TempDir Path dir) throws Exception {
        try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(StoreConfig.h2gis(dir).withMaxPoolSize(2))) {
            String layer = "fixture_session_lazy";
            Fixtures.load(store, Fixtures.gridSchema(layer), longGrid());
            try (FeatureCursor c = store.query(layer, FeatureQuery.all().withTimeout(Duration.ofSeconds(30)))) {
                c.forEachRemaining(f -> { });
            }
            try (FeatureCursor c = store.query(layer, FeatureQuery.all())) {
                c.next();  // closed half-way
            }
            try (FeatureCursor c = store.query(layer, FeatureQuery.all().withTimeout(Duration.ofNanos(1)))) {
                c.forEachRemaining(f -> { });
            } catch (fr.carence.store.QueryTimeoutException expected) {
                // 1 ns inside the database is always overrun
            }
            List<Connection> all = List.of(store.connection(), store.connection());
            try {
                for (Connection c : all) {
                    // Not in INFORMATION_SCHEMA: read from the embedded session itself.
                    org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal)
                            c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
                    assertThat(session.isLazyQueryExecution()).isFalse();
                    // the read's snapshot transaction is over: autocommit at READ COMMITTED again
                    assertThat(c.getAutoCommit()).isTrue();
                    assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
                    assertThat(session.hasPendingTransaction()).isFalse();
                }
            } finally {
                for (Connection c : all) {
                    c.close();
                }
            }
        }
    }

    /**
     * A pool of two: one connection holds the table up, so the limited reads and the unlimited
     * held-up read after them necessarily share the other one.
     */
    @Test
    void aReadTimeoutDoesNotStayOnThePooledSession(@TempDir Path dir) throws Exception {
        try (JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(StoreConfig.h2gis(dir).withMaxPoolSize(2))) {
            theNextReadOnThePooledConnectionHasNoTimeLimit(store, StoreKind.H2GIS);
            assertNoTimeoutOnAnyPooledConnection(store, 2);
        }
    }

    /**
     * The next borrower is not limited: after reads with a 1 s limit, an extent (no limit of its own) that the
     * database holds up for 2–3 s (H2: a sleeping SELECT trigger; PostgreSQL: a table lock released
     * after 2 s) completes instead of being cancelled.
     */
    @BothStores
    void theNextReadOnThePooledConnectionHasNoTimeLimit(JdbcFeatureStore store, StoreKind kind) throws Exception {
        String layer = "fixture_session_timeout";
        Fixtures.load(store, Fixtures.gridSchema(layer), longGrid());
        // The connection that will hold the table up is borrowed first, so the reads below run on another one.
        Connection blocker = store.connection();
        readWithTimeouts(store, layer);
        try (AutoCloseable ignored = holdUp(store, blocker, kind, layer)) {
            // Same thread: Hikari lends this thread the connection it used last, the one the reads above limited.
            // An extent sets no timeout of its own (a count or a query sets theirs, 0 included).
            assertThat(store.extent(layer)).isPresent();
        }
        if (kind == StoreKind.POSTGIS) {
            try (Connection c = store.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0");
            }
        }
    }

    private static void readWithTimeouts(JdbcFeatureStore store, String layer) {
        FeatureQuery limited = FeatureQuery.all().withTimeout(Duration.ofSeconds(1));
        assertThat(store.count(layer, limited)).isPositive();
        try (FeatureCursor c = store.query(layer, limited)) {
            c.forEachRemaining(f -> { });
        }
    }

    private static void assertNoTimeoutOnAnyPooledConnection(JdbcFeatureStore store, int poolSize) throws Exception {
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                all.add(store.connection());
            }
            for (Connection c : all) {
                try (Statement s = c.createStatement()) {
                    assertThat(s.getQueryTimeout()).isZero();
                }
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    /** 1,000 cells: H2 checks for cancellation every few hundred rows, so the table must be longer than that. */
    private static List<Feature> longGrid() {
        List<Feature> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 10; j++) {
                all.add(Fixtures.cell(i, j));
            }
        }
        return all;
    }

    /** Keeps the database from answering reads of the layer for 2–3 s. */
    private static AutoCloseable holdUp(JdbcFeatureStore store, Connection c, StoreKind kind, String layer) throws Exception {
        String table = store.publishedTable(layer).orElseThrow();
        if (kind == StoreKind.POSTGIS) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE \"" + table + "\" IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    c.rollback();
                    c.close();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
            return () -> release.get(30, TimeUnit.SECONDS);
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER \"fixture_slow_select_session\" BEFORE SELECT ON " + table + " CALL \""
                    + QueryTimeoutTest.SleepingSelectTrigger.class.getName() + "\"");
        }
        return () -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER \"fixture_slow_select_session\"");
            }
            c.close();
        };
    }
}
