package fr.carence.store.testing;

import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link LayerTransaction} for in-memory test stores (other modules' fakes of {@link FeatureStore}):
 * writers come from the store, their commit is deferred, and the transaction commits them all
 * under the store's lock, restoring a snapshot of the store's maps if one fails. So fakes keep
 * the all-or-nothing contract of the JDBC stores.
 */
public final class MemoryLayerTransaction implements LayerTransaction {

    /** Saves the fake store's state; {@link Snapshot#restore()} puts it back. */
    public interface Snapshot {
        void restore();
    }

    private final FeatureStore store;
    private final Object lock;
    private final Supplier<Snapshot> snapshot;
    private final List<Deferred> writers = new ArrayList<>();
    private final Set<String> layers = new HashSet<>();
    private boolean done;

    /** @param lock the monitor the store's own writers synchronise on */
    public MemoryLayerTransaction(FeatureStore store, Object lock, Supplier<Snapshot> snapshot) {
        this.store = store;
        this.lock = lock;
        this.snapshot = snapshot;
    }

    @Override
    public LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source) {
        claim(schema);
        return add(store.replaceLayer(schema, source));
    }

    @Override
    public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
        claim(schema);
        return add(store.replacePartition(schema, column, value, source));
    }

    private void claim(LayerSchema schema) {
        if (done) {
            throw new StoreException("layer transaction already finished");
        }
        if (!layers.add(schema.name())) {
            throw new IllegalArgumentException("layer '" + schema.name() + "' is already written in this transaction");
        }
    }

    private LayerWriter add(LayerWriter writer) {
        Deferred d = new Deferred(writer);
        writers.add(d);
        return d;
    }

    @Override
    public void commit() {
        if (done) {
            throw new StoreException("layer transaction already finished");
        }
        synchronized (lock) {
            Snapshot before = snapshot.get();
            try {
                for (Deferred w : writers) {
                    if (w.closed && !w.ready) {
                        throw new StoreException("a writer was closed without commit: the transaction publishes nothing");
                    }
                    w.delegate.commit();
                }
            } catch (RuntimeException e) {
                before.restore();
                throw e;
            }
        }
        done = true;
    }

    @Override
    public void close() {
        done = true;
        writers.forEach(w -> w.delegate.close());
    }

    private static final class Deferred implements LayerWriter {
        private final LayerWriter delegate;
        private boolean ready;
        private boolean closed;

        Deferred(LayerWriter delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(Feature feature) {
            if (ready || closed) {
                throw new IllegalStateException("writer already " + (ready ? "committed" : "closed"));
            }
            delegate.write(feature);
        }

        @Override
        public long written() {
            return delegate.written();
        }

        @Override
        public void commit() {
            ready = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
