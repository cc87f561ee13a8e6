package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.StoreException;
import fr.carence.store.StoreUnavailableException;
import fr.carence.store.testing.PostgisServer;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Health checks and what callers see when the database is missing or goes away. */
class AvailabilityTest {

    @Test
    void unreachablePostgisIsAClearStoreException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StoreConfig config = StoreConfig.postgis("jdbc:postgresql://127.0.0.1:" + port + "/gis", "carence", "secret")
                .withConnectionTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> FeatureStores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the postgis jdbc:postgresql://127.0.0.1:" + port + "/gis store")
                .hasMessageNotContaining("secret");
    }

    @Test
    void closedStoreIsUnavailable() {
        TestStore test = StoreTestSupport.openH2gis();
        FeatureStore store = test.store();
        assertThat(store.isAvailable()).isTrue();
        Fixtures.load(store, Fixtures.gridSchema("fixture_avail"), Fixtures.grid().subList(0, 2));
        test.close();
        assertThat(store.isAvailable()).isFalse();
        assertThatThrownBy(() -> store.count("fixture_avail", FeatureQuery.all()))
                .isInstanceOf(StoreException.class).hasMessageContaining("h2gis database is unavailable");
    }

    @Test
    void postgisConnectionsKilledByTheServerAreReplaced() throws Exception {
        try (TestStore test = StoreTestSupport.openPostgis()) {
            JdbcFeatureStore store = test.store();
            Fixtures.load(store, Fixtures.gridSchema("fixture_killed_conn"), Fixtures.grid());
            try (Connection admin = PostgisServer.connect(StoreTestSupport.requirePostgis());
                 PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         + "WHERE application_name = 'PostgreSQL JDBC Driver' AND pid <> pg_backend_pid() "
                         + "AND datname = current_database() AND backend_type = 'client backend'")) {
                ps.executeQuery().close();
            }
            // Each dead pooled connection fails once and is evicted (Hikari does not re-validate a
            // connection used in the last 500 ms); the pool then opens fresh ones.
            boolean available = false;
            for (int attempt = 0; attempt < 10 && !available; attempt++) {
                available = store.isAvailable();
            }
            assertThat(available).isTrue();
            assertThat(store.count("fixture_killed_conn", FeatureQuery.all())).isEqualTo(100);
        }
    }

    /**
     * The server killing the session of a read in progress (a restart, an administrator) makes the
     * store "unavailable" (503 upstream), not a plain failure: the read's own error decides, and the
     * re-check for a layer replaced meanwhile must not replace it with "connection is closed".
     */
    @Test
    void aReadWhoseSessionIsKilledMidQueryIsReportedUnavailable() throws Exception {
        try (TestStore test = StoreTestSupport.openPostgis()) {
            JdbcFeatureStore store = test.store();
            Fixtures.load(store, Fixtures.gridSchema("fixture_killed_read"), Fixtures.grid());
            String table = store.publishedTable("fixture_killed_read").orElseThrow();
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try (Connection locker = store.connection(); Statement lock = locker.createStatement()) {
                locker.setAutoCommit(false);
                lock.execute("LOCK TABLE " + store.dialect().quote(table) + " IN ACCESS EXCLUSIVE MODE");
                Future<Long> count = reader.submit(() -> store.count("fixture_killed_read", FeatureQuery.all()));
                int blocked = awaitSessionBlockedBy(locker);
                try (Connection admin = PostgisServer.connect(StoreTestSupport.requirePostgis());
                     PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    kill.setInt(1, blocked);
                    kill.executeQuery().close();
                }
                assertThatThrownBy(() -> count.get(1, TimeUnit.MINUTES))
                        .cause().isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("postgis database is unavailable");
                locker.rollback();
            } finally {
                reader.shutdownNow();
            }
            assertThat(store.count("fixture_killed_read", FeatureQuery.all())).isEqualTo(100);
        }
    }

    /** The backend pid of the session waiting for a lock the given connection holds. */
    private static int awaitSessionBlockedBy(Connection locker) throws Exception {
        int lockerPid;
        try (Statement st = locker.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            lockerPid = rs.getInt(1);
        }
        try (Connection admin = PostgisServer.connect(StoreTestSupport.requirePostgis());
             PreparedStatement ps = admin.prepareStatement(
                     "SELECT pid FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            ps.setInt(1, lockerPid);
            for (int i = 0; i < 600; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the read never waited for the lock");
    }
}
