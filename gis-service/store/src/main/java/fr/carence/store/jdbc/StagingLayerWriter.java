package fr.carence.store.jdbc;

import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code replaceLayer}: features go to a fresh physical table (committed batch by batch, which
 * readers never see since no layer points at it); {@link #commit()} indexes it and publishes it
 * with one registry UPDATE. Closing without commit, or dying, leaves only an orphan table that
 * the next start-up drops.
 *
 * <p>Also used for copy-on-write partition replacement where the dialect asks for it (H2GIS):
 * the other partitions are copied into the staging table first, the written features are forced
 * into the partition, and publication checks the layer still points at the copied version.
 */
final class StagingLayerWriter extends BatchedWriter {

    private final LayerSchema schema;
    private final LayerInfo.Source source;
    private final String physical;

    private final String copiedFrom;
    private final long copied;
    private final boolean createdLayer;
    private final String partition;

    StagingLayerWriter(JdbcFeatureStore store, Connection connection, LayerSchema schema, LayerInfo.Source source,
                       String physical) throws SQLException {
        this(store, connection, schema, source, physical, null, null, null, 0, false);
    }

    /**
     * @param copiedFrom the published table the other partitions were copied from, or null for a full replacement
     * @param copied rows copied from it
     * @param createdLayer true when the layer was created empty for this partition write (dropped on abort)
     */
    StagingLayerWriter(JdbcFeatureStore store, Connection connection, LayerSchema schema, LayerInfo.Source source,
                       String physical, String fixedAttribute, Object fixedValue, String copiedFrom, long copied,
                       boolean createdLayer) throws SQLException {
        super(store, connection, new FeatureRows(schema, store.dialect()), physical, fixedAttribute, fixedValue);
        this.schema = schema;
        this.source = source;
        this.physical = physical;
        this.copiedFrom = copiedFrom;
        this.copied = copied;
        this.createdLayer = createdLayer;
        this.partition = fixedAttribute == null ? null : fixedAttribute + " = " + fixedValue;
    }

    @Override
    protected void afterFlush() throws SQLException {
        connection.commit();
    }

    @Override
    protected String layer() {
        return "layer '" + schema.name() + "'" + (partition == null ? "" : " (partition " + partition + ")");
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            flush();
            connection.commit();
            store.publishStaged(connection, schema, physical, source, copied + written(), copiedFrom);
            committed = true;
        } catch (SQLException e) {
            throw store.failure("publishing " + layer(), e);
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
}
