package fr.carence.store.jdbc;

import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.h2gis.functions.factory.H2GISFunctions;

/** Embedded H2 with the H2GIS functions. */
public final class H2gisDialect implements SqlDialect {

    private final boolean exclusive;

    /** @param exclusive false when the database is shared through H2's AUTO_SERVER mode */
    public H2gisDialect(boolean exclusive) {
        this.exclusive = exclusive;
    }

    @Override
    public String kind() {
        return "h2gis";
    }

    @Override
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/h2gis");
    }

    @Override
    public void initialise(Connection connection) throws SQLException {
        // H2GISFunctions.load registers ~400 aliases persistently; doing it once per database
        // file keeps start-up fast (it costs seconds).
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES "
                     + "WHERE ROUTINE_NAME = 'ST_EXTENT'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        H2GISFunctions.load(connection);
    }

    @Override
    public String quote(String identifier) {
        return '"' + catalogName(identifier) + '"';
    }

    @Override
    public String catalogName(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String columnType(AttributeType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    @Override
    public String geometryColumnType(GeometryType type, int srid) {
        return "GEOMETRY(" + type.name() + ", " + srid + ")";
    }

    @Override
    public String createSpatialIndex(String indexName, String quotedTable, String quotedColumn) {
        return "CREATE SPATIAL INDEX " + quote(indexName) + " ON " + quotedTable + " (" + quotedColumn + ")";
    }

    @Override
    public String nextValue(String sequence) {
        return "NEXT VALUE FOR " + quote(sequence);
    }

    @Override
    public String listTablesSql() {
        return "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public void analyze(Connection connection, String quotedTable) {
        // H2 plans spatial queries from the index alone; its ANALYZE only tunes selectivity of
        // plain columns and would re-read every geometry.
    }

    /**
     * CHECKPOINT: writes the MVStore to the file now. Without it, a process killed after a
     * spatial index was built (while another transaction was open) could leave a file H2 cannot
     * reopen ("ValueDataType cannot be cast to SpatialDataType" reading the R-tree's pages);
     * KilledScenarioRunTest kills a run at that moment.
     */
    @Override
    public void persistStaged(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    @Override
    public void resetBorrowedSession(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (st.getQueryTimeout() != 0) { // the driver caches the session's value: no query when already 0
                st.setQueryTimeout(0);
            }
        }
    }

    /**
     * Lazy execution: H2 otherwise builds the whole result first (past its in-memory row limit,
     * in a temporary file) and the reader waits for it; lazily, a national read of the communes
     * costs a third less CPU and the heap no longer holds the result (docs/ogc-wfs.md).
     */
    @Override
    public boolean startStreamingRead(Connection connection) throws SQLException {
        // A lazy statement reads rows long after it started. In autocommit at READ COMMITTED, H2
        // then follows a secondary index to rows a concurrent writer has since deleted from the
        // table ("Row not found in primary index", 90143: a partition replaced in place while
        // another is streamed, ConcurrentReplaceTest). A REPEATABLE READ transaction keeps one
        // snapshot for the whole read; it only reads and is rolled back at the end.
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = connection.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        return true;
    }

    @Override
    public void endStreamingRead(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
        connection.rollback();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(true);
    }

    @Override
    public OptionalLong estimatedRowCount(Connection connection, String table) {
        // MVStore keeps an exact row count per table, so an unfiltered COUNT(*) is already cheap.
        return OptionalLong.empty();
    }

    @Override
    public boolean exclusiveAccess() {
        return exclusive;
    }

    @Override
    public boolean partitionWritesInPlace() {
        return false;
    }

    @Override
    public String explain(String select) {
        return "EXPLAIN " + select;
    }
}
