package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.QueryTimeoutException;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.StoreKind;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.api.Trigger;

/**
 * {@link FeatureQuery#timeout()} is a real JDBC query timeout on both databases: a read held up
 * by the database (PostgreSQL: another transaction's exclusive lock on the table; H2: a
 * statement-level SELECT trigger that sleeps) is cancelled and reported as
 * {@link QueryTimeoutException}, and the store keeps serving afterwards.
 */
class QueryTimeoutTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

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

    @BothStores
    void aReadHeldUpBeyondItsTimeoutIsCancelled(JdbcFeatureStore store, StoreKind kind) throws Exception {
        Fixtures.load(store, Fixtures.gridSchema("fixture_timeout_read"), longGrid());
        try (Blocker ignored = block(store, kind, "fixture_timeout_read")) {
            assertThatThrownBy(() -> {
                try (FeatureCursor c = store.query("fixture_timeout_read", FeatureQuery.all().withTimeout(ONE_SECOND))) {
                    c.forEachRemaining(f -> { });
                }
            }).isInstanceOf(QueryTimeoutException.class).hasMessageContaining("time limit");
            // A filtered count, so H2 scans rows instead of reading its row count.
            FeatureQuery scan = FeatureQuery.all().withFilter(new Filter.Compare("code", Filter.ComparisonOperator.NE, ""));
            assertThatThrownBy(() -> store.count("fixture_timeout_read", scan.withTimeout(ONE_SECOND)))
                    .isInstanceOf(QueryTimeoutException.class);
        }
        // Not blocked any more: the same queries answer, and the pool was not left with a broken connection.
        assertThat(store.count("fixture_timeout_read", FeatureQuery.all().withTimeout(ONE_SECOND))).isEqualTo(1000);
        try (FeatureCursor c = store.query("fixture_timeout_read", FeatureQuery.all().withTimeout(ONE_SECOND))) {
            int n = 0;
            while (c.hasNext()) {
                c.next();
                n++;
            }
            assertThat(n).isEqualTo(1000);
        }
    }

    /**
     * The timeout bounds the database's work, not the reader's pace: a reader that takes 2 ms per
     * row (a client slow to download) reads 1,000 rows for over 2 s under a 1 s limit. On H2, whose
     * lazy execution produces rows as they are fetched, a JDBC query timeout would run until the
     * cursor closes and cancel this read (57014 after 1 s); the cursor's {@code ReadTimeBudget}
     * counts only the time spent inside the store.
     */
    @BothStores
    void aSlowReaderIsNotCancelledByTheTimeout(JdbcFeatureStore store) throws Exception {
        Fixtures.load(store, Fixtures.gridSchema("fixture_timeout_slow_reader"), longGrid());
        long start = System.nanoTime();
        int n = 0;
        try (FeatureCursor c = store.query("fixture_timeout_slow_reader", FeatureQuery.all().withTimeout(ONE_SECOND))) {
            while (c.hasNext()) {
                c.next();
                n++;
                Thread.sleep(2);
            }
        }
        assertThat(n).isEqualTo(1000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(2));
    }

    @BothStores
    void aQueryWithinItsTimeoutIsUnaffected(JdbcFeatureStore store) {
        Fixtures.load(store, Fixtures.gridSchema("fixture_timeout_fast"), Fixtures.grid());
        assertThat(store.count("fixture_timeout_fast", FeatureQuery.all().withTimeout(Duration.ofSeconds(30)))).isEqualTo(100);
        assertThat(FeatureQuery.all().withTimeout(Duration.ofMillis(1)).timeoutSeconds()).isEqualTo(1);
        assertThat(FeatureQuery.all().withTimeout(Duration.ofMillis(2001)).timeoutSeconds()).isEqualTo(3);
        assertThat(FeatureQuery.all().timeoutSeconds()).isZero();
        assertThatThrownBy(() -> FeatureQuery.all().withTimeout(Duration.ZERO)).isInstanceOf(QueryTimeoutException.class);
    }

    /** Something that keeps the database from answering reads of the layer until closed. */
    interface Blocker extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    private static Blocker block(JdbcFeatureStore store, StoreKind kind, String layer) throws Exception {
        String table = store.publishedTable(layer).orElseThrow();
        Connection c = store.connection();
        if (kind == StoreKind.POSTGIS) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE \"" + table + "\" IN ACCESS EXCLUSIVE MODE");
            }
            return () -> {
                c.rollback();
                c.close();
            };
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER \"fixture_slow_select\" BEFORE SELECT ON " + table + " CALL \""
                    + SleepingSelectTrigger.class.getName() + "\"");
        }
        return () -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER \"fixture_slow_select\"");
            }
            c.close();
        };
    }

    /** H2 trigger (fixture): every SELECT on the table first waits 3 s. */
    public static final class SleepingSelectTrigger implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
