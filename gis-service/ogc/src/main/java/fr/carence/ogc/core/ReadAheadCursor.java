package fr.carence.ogc.core;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a cursor ahead on another thread, in batches, while the caller writes what it has
 * already received. A feature response is one thread's work otherwise; its time splits roughly
 * in half between reading (the database fetch, WKB decoding, the reprojection to the client's
 * CRS) and writing (text formatting), so on a second core the two overlap (docs/ogc-wfs.md,
 * "Read-ahead").
 *
 * <p>The readers come from one pool of at most one thread per core, shared by all requests. When
 * every reader is busy the caller simply reads the cursor itself: under load the server never
 * holds more threads than before, and a request never waits for a reader. Order, content and
 * errors are those of the source: an exception thrown while reading ahead is rethrown, the same
 * object, by the {@code hasNext()} that reaches it. Closing stops the reader and closes the
 * source (on the reader's thread, after its current row) before returning.
 */
public final class ReadAheadCursor implements FeatureCursor {

    static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 4;
    private static final Object END = new Object();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor READERS = new ThreadPoolExecutor(0,
            Math.max(1, Runtime.getRuntime().availableProcessors()), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "carence-lecture-anticipee-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private final FeatureCursor source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private volatile boolean cancelled;
    private List<Feature> batch = List.of();
    private int position;
    private boolean ended;
    private boolean closed;

    private ReadAheadCursor(FeatureCursor source) {
        this.source = source;
    }

    /** The source read ahead by a free reader thread, or the source itself when none is free. */
    public static FeatureCursor of(FeatureCursor source) {
        return of(source, READERS);
    }

    static FeatureCursor of(FeatureCursor source, Executor readers) {
        ReadAheadCursor c = new ReadAheadCursor(source);
        try {
            readers.execute(c::readAhead);
        } catch (RejectedExecutionException busy) {
            return source;
        }
        return c;
    }

    private void readAhead() {
        List<Feature> next = new ArrayList<>(BATCH);
        try {
            while (!cancelled && source.hasNext()) {
                next.add(source.next());
                if (next.size() == BATCH) {
                    if (!hand(next)) {
                        return;
                    }
                    next = new ArrayList<>(BATCH);
                }
            }
            if (!next.isEmpty() && !hand(next)) {
                return;
            }
            hand(END);
        } catch (RuntimeException | Error e) {
            // The features read before the failure first, as a direct read would have given them.
            if (next.isEmpty() || hand(next)) {
                hand(new Failure(e));
            }
        } finally {
            try {
                source.close();
            } finally {
                readerDone.countDown();
            }
        }
    }

    /** Waits for room in the queue; false when the caller has closed the cursor meanwhile. */
    private boolean hand(Object item) {
        try {
            while (!cancelled) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (position == batch.size()) {
            if (ended || closed) {
                return false;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new StoreException("reading features was interrupted", e);
            }
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof Failure f) {
                ended = true;
                if (f.error() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) f.error();
            }
            batch = (List<Feature>) item;
            position = 0;
        }
        return true;
    }

    @Override
    public Feature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(position++);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelled = true;
        queue.clear();  // a reader waiting for room sees the cancellation within 50 ms
        boolean interrupted = false;
        while (true) {
            try {
                readerDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(Throwable error) {
    }
}
