package fr.carence.store;

import java.util.Iterator;

/** A streaming, forward-only read of features; holds a database cursor until closed. */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {
    @Override
    void close();
}
