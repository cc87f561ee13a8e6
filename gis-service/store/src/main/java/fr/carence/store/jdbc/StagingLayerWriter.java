package fr.carence.store.jdbc;

import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code replaceLayer}: features go to a fresh physical table (committed batch by batch, which
 * readers never see since no layer points at it); {@link #commit()} indexes it and publishes it
 * with one registry UPDATE. Closing without commit, or dying, leaves only an orphan table that
 * the next start-up drops.
 *
 * <p>Also used for copy-on-write partition replacement (always on H2GIS, and on both stores inside
 * a {@link JdbcLayerTransaction}): the other partitions are copied into the staging table first,
 * the written features are forced into the partition, and publication checks the layer still
 * points at the copied version.
 *
 * <p>Inside a transaction, {@link #commit()} only stages: the table is indexed, the connection
 * goes back to the pool, and the transaction publishes it with the others.
 */
final class StagingLayerWriter extends BatchedWriter {

    private final LayerSchema schema;
    private final LayerInfo.Source source;
    private final String physical;

    private final String copiedFrom;
    private final long copiedWriteCount;
    private final boolean checkPrevious;
    private final long copied;
    private final boolean createdLayer;
    private final String partition;
    private final JdbcLayerTransaction transaction;
    private JdbcFeatureStore.Staged staged;

    StagingLayerWriter(JdbcFeatureStore store, Connection connection, LayerSchema schema, LayerInfo.Source source,
                       String physical, JdbcLayerTransaction transaction) throws SQLException {
        this(store, connection, schema, source, physical, null, null, null, 0, false, 0, false, transaction);
    }

    /**
     * @param copiedFrom the published table the other partitions were copied from, or null
     * @param copiedWriteCount the layer's write count when it was copied
     * @param checkPrevious publish only if the layer is still {@code copiedFrom} at that write count (absent when null)
     * @param copied rows copied from it
     * @param createdLayer true when the layer was created empty for this partition write (dropped on abort)
     * @param transaction the multi-layer write this writer belongs to, or null when it publishes alone
     */
    StagingLayerWriter(JdbcFeatureStore store, Connection connection, LayerSchema schema, LayerInfo.Source source,
                       String physical, String fixedAttribute, Object fixedValue, String copiedFrom,
                       long copiedWriteCount, boolean checkPrevious, long copied, boolean createdLayer, JdbcLayerTransaction transaction)
            throws SQLException {
        super(store, connection, new FeatureRows(schema, store.dialect()), physical, fixedAttribute, fixedValue);
        this.schema = schema;
        this.source = source;
        this.physical = physical;
        this.copiedFrom = copiedFrom;
        this.copiedWriteCount = copiedWriteCount;
        this.checkPrevious = checkPrevious;
        this.copied = copied;
        this.createdLayer = createdLayer;
        this.partition = fixedAttribute == null ? null : fixedAttribute + " = " + fixedValue;
        this.transaction = transaction;
    }

    @Override
    protected void afterFlush() throws SQLException {
        connection.commit();
    }

    @Override
    protected String layer() {
        return "layer '" + schema.name() + "'" + (partition == null ? "" : " (partition " + partition + ")");
    }

    String layerName() {
        return schema.name();
    }

    /** The staged version once {@link #commit()} has prepared it, else null. */
    JdbcFeatureStore.Staged staged() {
        return staged;
    }

    /** Flushes, indexes and records what to publish; the connection stays open. */
    private void prepare() throws SQLException {
        flush();
        connection.commit();
        store.prepareStaged(connection, schema, physical);
        staged = new JdbcFeatureStore.Staged(schema, physical, source, copied + written(), checkPrevious, copiedFrom,
                copiedWriteCount);
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            prepare();
            if (transaction != null) {
                // Staged: the transaction owns the table now; the connection is not needed any more.
                committed = true;
                closed = true;
                closeStatement();
                store.releaseWriter(connection, null);
                return;
            }
            store.publishStaged(connection, List.of(staged));
            committed = true;
        } catch (SQLException e) {
            throw store.failure((transaction != null ? "staging " : "publishing ") + layer(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeStatement();
        store.releaseWriter(connection, committed ? null : physical);
        if (!committed && createdLayer) {
            store.dropLayerIfPublishedAs(schema.name(), copiedFrom);
        }
    }

    boolean isOpen() {
        return !closed;
    }
}
