package fr.carence.store.jdbc;

import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code replacePartition}: one database transaction deletes the partition's rows and inserts
 * the new ones, so readers see either the old partition or the new one on both databases (this
 * is DML only, so H2's auto-committed DDL does not matter). A crash rolls the transaction back.
 */
final class PartitionLayerWriter extends BatchedWriter {

    private final LayerSchema schema;
    private final String physical;
    private final String column;
    private final Object value;
    private final LayerInfo.Source source;
    private final boolean createdLayer;
    private final long deleted;

    PartitionLayerWriter(JdbcFeatureStore store, Connection connection, LayerSchema schema, String physical,
                         String column, Object value, LayerInfo.Source source, boolean createdLayer) throws SQLException {
        super(store, connection, new FeatureRows(schema, store.dialect()), physical, column, value);
        this.schema = schema;
        this.physical = physical;
        this.column = column;
        this.value = value;
        this.source = source;
        this.createdLayer = createdLayer;
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + store.dialect().quote(physical)
                + " WHERE " + store.dialect().quote(column) + " = ?")) {
            AttributeValues.bind(ps, 1, schema.attribute(column).orElseThrow().type(), value);
            this.deleted = ps.executeUpdate();
        }
    }

    @Override
    protected String layer() {
        return "layer '" + schema.name() + "' (partition " + column + " = " + value + ")";
    }

    @Override
    protected String duplicateScope() {
        return " (ids must be unique across the whole layer, other partitions included)";
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            flush();
            if (!store.registry().recordPartitionWrite(connection, schema.name(), physical, source, written() - deleted)) {
                connection.rollback();
                throw new fr.carence.store.ConcurrentWriteException(schema.name());
            }
            connection.commit();
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
        store.releasePartitionWriter(connection, committed, createdLayer ? schema.name() : null, physical);
    }
}
