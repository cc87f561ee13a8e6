package fr.carence.ogc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.QueryTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadAheadCursor} gives the source's features in order, its errors where they occur,
 * closes it once (on the reader's thread), and falls back to the source when no reader is free.
 * Sources are made-up features (fixtures).
 */
class ReadAheadCursorTest {

    private static final Executor NEW_THREAD = r -> new Thread(r, "fixture-reader").start();

    /** A fixture cursor of n features; fails with {@code failure} after {@code failAfter} of them. */
    private static final class FixtureCursor implements FeatureCursor {
        final int n;
        final int failAfter;
        final RuntimeException failure;
        final AtomicInteger closes = new AtomicInteger();
        final AtomicReference<String> closingThread = new AtomicReference<>();
        int read;

        FixtureCursor(int n, int failAfter, RuntimeException failure) {
            this.n = n;
            this.failAfter = failAfter;
            this.failure = failure;
        }

        @Override
        public boolean hasNext() {
            if (read == failAfter) {
                throw failure;
            }
            return read < n;
        }

        @Override
        public Feature next() {
            read++;
            return new Feature("fixture." + read, null, Map.of("rang", read));
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            closingThread.set(Thread.currentThread().getName());
        }
    }

    @Test
    void givesEveryFeatureInOrderAndClosesTheSourceOnce() throws Exception {
        for (int n : new int[] {0, 1, ReadAheadCursor.BATCH - 1, ReadAheadCursor.BATCH, ReadAheadCursor.BATCH + 1, 5_000}) {
            FixtureCursor source = new FixtureCursor(n, -1, null);
            List<String> ids = new ArrayList<>();
            try (FeatureCursor c = ReadAheadCursor.of(source, NEW_THREAD)) {
                assertThat(c).isInstanceOf(ReadAheadCursor.class);
                c.forEachRemaining(f -> ids.add(f.id()));
                assertThat(c.hasNext()).isFalse();
            }
            assertThat(ids).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(ids.get(i)).isEqualTo("fixture." + (i + 1));
            }
            assertThat(source.closes.get()).as("closed once, n=" + n).isEqualTo(1);
            assertThat(source.closingThread.get()).isEqualTo("fixture-reader");
        }
    }

    @Test
    void anErrorWhileReadingAheadIsRethrownAfterTheFeaturesBeforeIt() {
        QueryTimeoutException timeout = new QueryTimeoutException("fixture: time limit exceeded");
        FixtureCursor source = new FixtureCursor(1_000, 600, timeout);
        List<Feature> read = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (FeatureCursor c = ReadAheadCursor.of(source, NEW_THREAD)) {
                c.forEachRemaining(read::add);
            }
        }).isSameAs(timeout);
        assertThat(read).hasSize(600);
        assertThat(source.closes.get()).isEqualTo(1);
    }

    @Test
    void closingHalfWayStopsTheReaderAndClosesTheSource() {
        FixtureCursor source = new FixtureCursor(100_000, -1, null);
        try (FeatureCursor c = ReadAheadCursor.of(source, NEW_THREAD)) {
            for (int i = 0; i < 10; i++) {
                c.next();
            }
        }
        // close() returned only after the reader stopped: nothing reads the source any more.
        int readAtClose = source.read;
        assertThat(source.closes.get()).isEqualTo(1);
        assertThat(readAtClose).isLessThan(100_000);
        assertThat(source.read).isEqualTo(readAtClose);
    }

    @Test
    void withoutAFreeReaderTheSourceIsReadDirectly() {
        FixtureCursor source = new FixtureCursor(3, -1, null);
        Executor busy = r -> {
            throw new RejectedExecutionException("fixture: every reader busy");
        };
        assertThat(ReadAheadCursor.of(source, busy)).isSameAs(source);
    }
}
