package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadTimeBudget} counts only the time spent inside the store, summed over the stays, and
 * {@link ReadWatchdog} cancels the statement of a reader that overruns it while inside, never
 * one that is outside (writing to its client). The statement is a stand-in recording cancel().
 */
class ReadWatchdogTest {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                if (method.getName().equals("cancel")) {
                    cancelled.countDown();
                }
                return null;
            });

    @Test
    void stayingInsideTheStorePastTheBudgetCancelsTheStatement() throws Exception {
        try (ReadWatchdog watchdog = new ReadWatchdog("fixture-watchdog")) {
            ReadTimeBudget budget = new ReadTimeBudget(TimeUnit.MILLISECONDS.toNanos(100), statement);
            watchdog.watch(budget);
            budget.enter();
            assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("cancelled while inside").isTrue();
            budget.exit();
            assertThat(budget.exceeded()).isTrue();
        }
    }

    @Test
    void timeOutsideTheStoreIsNotCounted() throws Exception {
        try (ReadWatchdog watchdog = new ReadWatchdog("fixture-watchdog")) {
            // 500 ms: a reader descheduled between enter() and exit() for that long is not a case to fear.
            ReadTimeBudget budget = new ReadTimeBudget(TimeUnit.MILLISECONDS.toNanos(500), statement);
            watchdog.watch(budget);
            for (int i = 0; i < 4; i++) {
                budget.enter();
                budget.exit();
                Thread.sleep(200);  // the client downloads: 800 ms outside against a 500 ms budget
            }
            assertThat(cancelled.await(6 * ReadWatchdog.PERIOD_MS, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(budget.exceeded()).isFalse();
        }
    }

    @Test
    void staysInsideAreSummed() throws Exception {
        ReadTimeBudget budget = new ReadTimeBudget(TimeUnit.MILLISECONDS.toNanos(100), statement);
        for (int i = 0; i < 3; i++) {
            budget.enter();
            Thread.sleep(40);
            budget.exit();
        }
        assertThat(budget.exceeded()).as("3 x 40 ms inside against 100 ms").isTrue();
        assertThat(budget.overrunAt(System.nanoTime())).as("outside: nothing to cancel").isFalse();
    }
}
