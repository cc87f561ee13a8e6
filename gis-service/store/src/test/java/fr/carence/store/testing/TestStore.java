package fr.carence.store.testing;

import fr.carence.store.jdbc.JdbcFeatureStore;

/** A fresh, isolated store for one test class; closing it deletes its data. */
public final class TestStore implements AutoCloseable {

    private final JdbcFeatureStore store;
    private final Runnable cleanup;

    TestStore(JdbcFeatureStore store, Runnable cleanup) {
        this.store = store;
        this.cleanup = cleanup;
    }

    public JdbcFeatureStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            cleanup.run();
        }
    }
}
