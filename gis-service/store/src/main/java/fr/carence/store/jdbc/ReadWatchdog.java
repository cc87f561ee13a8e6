package fr.carence.store.jdbc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread per store that looks at the open {@link ReadTimeBudget}s every
 * {@value #PERIOD_MS} ms and cancels the statement of a read that has overrun its budget while
 * inside the database. Polling keeps the reader's cost per row to two clock reads; a read is
 * cancelled at most one period late. Started with the first budget, stopped with the store.
 */
final class ReadWatchdog implements AutoCloseable {

    static final long PERIOD_MS = 50;

    private final Set<ReadTimeBudget> budgets = ConcurrentHashMap.newKeySet();
    private final String name;
    private ScheduledExecutorService timer;
    private boolean closed;

    ReadWatchdog(String name) {
        this.name = name;
    }

    void watch(ReadTimeBudget budget) {
        budgets.add(budget);
        synchronized (this) {
            if (timer == null && !closed) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleWithFixedDelay(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    void forget(ReadTimeBudget budget) {
        budgets.remove(budget);
    }

    private void check() {
        long now = System.nanoTime();
        for (ReadTimeBudget b : budgets) {
            try {
                if (b.overrunAt(now)) {
                    b.cancel();
                }
            } catch (RuntimeException e) {
                // a driver failing to cancel one statement must not stop the watch of the others
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
