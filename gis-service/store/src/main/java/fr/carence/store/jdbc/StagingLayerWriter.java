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
 */
final class StagingLayerWriter extends BatchedWriter {

    private final LayerSchema schema;
    private final LayerInfo.Source source;
    private final String physical;

    StagingLayerWriter(JdbcFeatureStore store, Connection connection, LayerSchema schema, LayerInfo.Source source,
                       String physical) throws SQLException {
        super(store, connection, new FeatureRows(schema, store.dialect()), physical, null, null);
        this.schema = schema;
        this.source = source;
        this.physical = physical;
    }

    @Override
    protected void afterFlush() throws SQLException {
        connection.commit();
    }

    @Override
    protected String duplicateScope() {
        return "";
    }

    @Override
    protected String layer() {
        return "layer '" + schema.name() + "'";
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            flush();
            connection.commit();
            store.publishStaged(connection, schema, physical, source, written());
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
    }
}
