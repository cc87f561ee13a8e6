package fr.carence.cluster;

import fr.carence.store.jdbc.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Serialises data loads (uploads through {@code /api/chargements} and the first start's sample
 * load): one at a time in this process, and with several instances on one PostgreSQL database
 * one at a time across all of them, through a session-level advisory lock held on a dedicated
 * connection for the whole load. A killed instance's connection closes, which releases its lock.
 */
public final class LoadLock {

    /** The advisory lock key: "carence" loads, one number shared by every instance. */
    static final long ADVISORY_KEY = 0x636172656e6365L;

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Not a lock: it is released by whichever thread finishes, and a same-thread retry must not re-enter. */
    private final Semaphore local = new Semaphore(1);
    private final AtomicReference<String> running = new AtomicReference<>();
    private final DataSource shared;

    /** @param shared the database shared with other instances, or null (one instance: in-process lock only) */
    public LoadLock(DataSource shared) {
        this.shared = shared;
    }

    /** What the load holding the lock in this process is, or null (none, or another instance's). */
    public String running() {
        return running.get();
    }

    /** The lock now, or empty when another load (here or on another instance) holds it. */
    public Optional<Held> tryAcquire(String what) {
        if (!local.tryAcquire()) {
            return Optional.empty();
        }
        return holdShared(what, Duration.ZERO);
    }

    /** Waits for the lock up to {@code timeout}; empty if it is still held elsewhere by then. */
    public Optional<Held> acquire(String what, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        if (!local.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return holdShared(what, Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    }

    private Optional<Held> holdShared(String what, Duration wait) {
        if (shared == null) {
            running.set(what);
            return Optional.of(this::releaseLocal);
        }
        Connection c = null;
        try {
            c = shared.getConnection();
            long end = System.nanoTime() + wait.toNanos();
            while (!tryAdvisory(c)) {
                if (System.nanoTime() >= end) {
                    c.close();
                    releaseLocal();
                    return Optional.empty();
                }
                Thread.sleep(250);
            }
            running.set(what);
            Connection held = c;
            return Optional.of(() -> {
                try (held; PreparedStatement st = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    st.setLong(1, ADVISORY_KEY);
                    st.execute();
                } catch (SQLException e) {
                    // Closing the connection (above, in every case) ends the session and its lock.
                } finally {
                    releaseLocal();
                }
            });
        } catch (SQLException e) {
            closeQuietly(c);
            releaseLocal();
            throw SqlFailures.of("taking the load lock", e);
        } catch (InterruptedException e) {
            closeQuietly(c);
            releaseLocal();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean tryAdvisory(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, ADVISORY_KEY);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void releaseLocal() {
        running.set(null);
        local.release();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the pool discards it
            }
        }
    }
}
