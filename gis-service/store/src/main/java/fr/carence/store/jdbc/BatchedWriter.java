package fr.carence.store.jdbc;

import fr.carence.store.Feature;
import fr.carence.store.LayerWriter;
import fr.carence.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Shared part of the two writers: features are bound by {@link FeatureRows} and sent in JDBC
 * batches on a connection the writer owns (auto-commit off) until commit or close.
 */
abstract class BatchedWriter implements LayerWriter {

    static final int BATCH_SIZE = 500;

    protected final JdbcFeatureStore store;
    protected final Connection connection;
    protected final FeatureRows rows;
    private final PreparedStatement insert;
    private final String fixedAttribute;
    private final Object fixedValue;
    private long written;
    private int pending;
    protected boolean committed;
    protected boolean closed;

    BatchedWriter(JdbcFeatureStore store, Connection connection, FeatureRows rows, String physical,
                  String fixedAttribute, Object fixedValue) throws SQLException {
        this.store = store;
        this.connection = connection;
        this.rows = rows;
        this.fixedAttribute = fixedAttribute;
        this.fixedValue = fixedValue;
        this.insert = connection.prepareStatement(rows.insertSql(physical));
    }

    @Override
    public void write(Feature feature) {
        if (committed || closed) {
            throw new IllegalStateException("writer already " + (committed ? "committed" : "closed"));
        }
        try {
            rows.bind(insert, feature, written + 1, fixedAttribute, fixedValue);
            insert.addBatch();
            written++;
            if (++pending == BATCH_SIZE) {
                flush();
            }
        } catch (SQLException e) {
            throw store.failure("writing features of " + layer(), e);
        }
    }

    @Override
    public long written() {
        return written;
    }

    /** Sends the pending batch. */
    protected void flush() throws SQLException {
        if (pending > 0) {
            try {
                insert.executeBatch();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new IllegalArgumentException(layer() + ": duplicate id among features "
                            + (written - pending + 1) + ".." + written + duplicateScope());
                }
                throw e;
            } finally {
                pending = 0;
            }
            afterFlush();
        }
    }

    /** Hook run after each batch (the staging writer commits there). */
    protected void afterFlush() throws SQLException {
    }

    protected String duplicateScope() {
        return "";
    }

    protected abstract String layer();

    protected void closeStatement() {
        try {
            insert.close();
        } catch (SQLException e) {
            // the connection is about to be closed anyway
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
            if (s.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    protected final void ensureOpen() {
        if (committed || closed) {
            throw new StoreException("writer for " + layer() + " already " + (committed ? "committed" : "closed"));
        }
    }
}
