package fr.carence.store.jdbc;

import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link LayerTransaction} over the registry design: every member is a staging table (full
 * replacement or copy-on-write partition), and {@link #commit()} swaps all their registry rows
 * in one database transaction ({@link JdbcFeatureStore#publishStaged(List, Map)}), with the
 * version pins staged by {@link #pinVersions}. Staged tables that
 * are never published are dropped by {@link #close()}, or by the orphan clean-up after a crash.
 */
final class JdbcLayerTransaction implements LayerTransaction {

    private final JdbcFeatureStore store;
    private final List<StagingLayerWriter> writers = new ArrayList<>();
    private final Set<String> layers = new HashSet<>();
    /** Holder → layer → version, written with the publication (one holder's pins replace its previous ones). */
    private final Map<String, Map<String, Instant>> pins = new LinkedHashMap<>();
    private boolean committed;
    private boolean closed;

    JdbcLayerTransaction(JdbcFeatureStore store) {
        this.store = store;
    }

    @Override
    public LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source) {
        claim(schema);
        return add(store.replaceLayer(schema, source, this));
    }

    @Override
    public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
        claim(schema);
        return add(store.replacePartition(schema, column, value, source, this));
    }

    /** Two writes of one layer would each start from the same version: the second would undo the first. */
    private void claim(LayerSchema schema) {
        ensureOpen();
        if (layers.contains(schema.name())) {
            throw new IllegalArgumentException("layer '" + schema.name() + "' is already written in this transaction");
        }
    }

    private LayerWriter add(StagingLayerWriter writer) {
        writers.add(writer);
        layers.add(writer.layerName());
        return writer;
    }

    @Override
    public void pinVersions(String holder, Map<String, Instant> versions) {
        ensureOpen();
        pins.put(holder, Map.copyOf(versions));
    }

    @Override
    public void commit() {
        ensureOpen();
        List<JdbcFeatureStore.Staged> staged = new ArrayList<>();
        for (StagingLayerWriter w : writers) {
            if (w.staged() == null) {
                if (!w.isOpen()) {
                    throw new StoreException("the writer of layer '" + w.layerName()
                            + "' was closed without commit: the transaction publishes nothing");
                }
                w.commit();
            }
            staged.add(w.staged());
        }
        if (!staged.isEmpty() || !pins.isEmpty()) {
            store.publishStaged(staged, pins);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StagingLayerWriter w : writers) {
            if (w.isOpen()) {
                w.close();
            } else if (!committed && w.staged() != null) {
                store.discardStaged(w.staged().physical());
            }
        }
    }

    private void ensureOpen() {
        if (committed || closed) {
            throw new StoreException("layer transaction already " + (committed ? "committed" : "closed"));
        }
    }
}
