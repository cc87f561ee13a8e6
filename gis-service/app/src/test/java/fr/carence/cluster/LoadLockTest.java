package fr.carence.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Loads are serialised: in one process (H2GIS, no shared database) and, with a shared PostGIS
 * database, across instances through an advisory lock that a dead instance's session releases.
 */
class LoadLockTest {

    @Test
    void oneInstanceHoldsOneLoadAtATime() {
        LoadLock lock = new LoadLock(null);
        Optional<LoadLock.Held> first = lock.tryAcquire("lieux");
        assertThat(first).isPresent();
        assertThat(lock.running()).isEqualTo("lieux");
        assertThat(lock.tryAcquire("communes")).isEmpty();
        first.get().close();
        assertThat(lock.running()).isNull();
        try (LoadLock.Held again = lock.tryAcquire("communes").orElseThrow()) {
            assertThat(lock.running()).isEqualTo("communes");
        }
    }

    @Test
    void twoInstancesOnOneDatabaseNeverLoadTogetherAndADeadSessionReleasesTheLock() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            LoadLock a = new LoadLock(db.dataSource());
            LoadLock b = new LoadLock(db.dataSource());
            LoadLock.Held held = a.tryAcquire("lieux").orElseThrow();
            assertThat(b.tryAcquire("communes")).as("the other instance, at once").isEmpty();
            assertThat(b.acquire("echantillon", Duration.ofMillis(600))).as("the other instance, waiting 0.6 s").isEmpty();
            assertThat(b.running()).isNull();
            held.close();
            LoadLock.Held byB = b.tryAcquire("communes").orElseThrow();

            // The holder's database session dies (its instance killed): the lock goes with it.
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");
            }
            LoadLock other = new LoadLock(db.dataSource());
            try (LoadLock.Held afterDeath = other.acquire("lieux", Duration.ofSeconds(10)).orElseThrow()) {
                assertThat(other.running()).isEqualTo("lieux");
            }
            byB.close(); // its session is gone: closing it still frees B's in-process permit
            assertThat(b.tryAcquire("lieux")).isPresent();
        }
    }
}
