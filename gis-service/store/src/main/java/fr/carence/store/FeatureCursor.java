package fr.carence.store;

import java.util.Iterator;

/** A streaming, forward-only read of features; holds a database cursor until closed. */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {
    @Override
    void close();

    /** A cursor over features already in memory (nothing to release). */
    static FeatureCursor of(Iterable<Feature> features) {
        java.util.Iterator<Feature> it = features.iterator();
        return new FeatureCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Feature next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
