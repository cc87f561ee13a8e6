package fr.carence.store.jdbc;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The time limit of a streamed read whose database produces rows as they are fetched (H2's lazy
 * execution). There, a JDBC query timeout would run from the execution until the cursor closes, so
 * a client slow to download would exhaust it. This budget counts only the time the reading thread
 * spends inside the store (executing the statement, fetching and decoding a row), not the time it
 * spends elsewhere, e.g. writing the previous rows to the client; {@link ReadWatchdog} cancels the
 * statement when a stay inside the store would overrun it.
 *
 * <p>{@link #enter()}, {@link #exit()} and {@link #exceeded()} are called by the reading thread
 * only; {@link #overrunAt(long)} and {@link #cancel()} by the watchdog.
 */
final class ReadTimeBudget {

    private final long limitNanos;
    private final Statement statement;
    private long spentNanos;
    /** When the reading thread entered the store, 0 when it is outside. */
    private volatile long enteredAt;
    /** {@link #spentNanos} as of the last exit, for the watchdog. */
    private volatile long spentAtExit;
    private volatile boolean cancelled;

    ReadTimeBudget(long limitNanos, Statement statement) {
        this.limitNanos = limitNanos;
        this.statement = statement;
    }

    void enter() {
        long now = System.nanoTime();
        enteredAt = now == 0 ? 1 : now;
    }

    void exit() {
        spentNanos += System.nanoTime() - enteredAt;
        enteredAt = 0;
        spentAtExit = spentNanos;
    }

    /** Whether the time spent inside the store so far is over the limit (checked after each exit). */
    boolean exceeded() {
        return spentNanos > limitNanos;
    }

    /** Whether the reader is inside the store and, counting this stay, over the limit at {@code now}. */
    boolean overrunAt(long now) {
        long entered = enteredAt;
        return !cancelled && entered != 0 && spentAtExit + (now - entered) > limitNanos;
    }

    /** Cancels the running statement (the database then reports it as cancelled, SQLState 57014). */
    void cancel() {
        cancelled = true;
        try {
            statement.cancel();
        } catch (SQLException e) {
            // already closed: the reader has left the store
        }
    }
}
