package fr.carence.store.jdbc;

import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The few places where H2GIS and PostGIS SQL differ. Everything else (DDL shape, WKB geometry
 * I/O, filters, paging, the layer registry) is common SQL in {@link JdbcFeatureStore}.
 */
public interface SqlDialect {

    /** "h2gis" or "postgis". */
    String kind();

    /** Flyway locations: the common migrations plus this database's own, if any. */
    List<String> migrationLocations();

    /** Called once per new database before migrations (H2GIS registers its functions). */
    void initialise(Connection connection) throws SQLException;

    /**
     * Quotes a checked identifier so reserved words ("value", "year"…) are safe, while keeping
     * the name each database gives unquoted identifiers (H2 upper-cases them, PostgreSQL lower-cases).
     */
    String quote(String identifier);

    /** How the database spells an unquoted identifier in its catalogue. */
    String catalogName(String identifier);

    String columnType(AttributeType type);

    /** Column type of the geometry column, typed and constrained to the storage SRID. */
    String geometryColumnType(GeometryType type, int srid);

    /** DDL creating the spatial index on a table's geometry column. */
    String createSpatialIndex(String indexName, String quotedTable, String quotedColumn);

    /** Expression yielding the next value of a sequence. */
    String nextValue(String sequence);

    /** Query (no parameters) listing the base-table names of the current schema, in lower case. */
    String listTablesSql();

    /** Whether DDL can run inside a transaction (PostgreSQL), so the layer view swaps with the registry row. */
    boolean transactionalDdl();

    /** Refreshes planner statistics after a bulk load (no-op where the database keeps them itself). */
    void analyze(Connection connection, String quotedTable) throws SQLException;

    /**
     * Makes a staged table, now indexed, durable before it is published, where the database
     * needs telling (H2's MVStore); a no-op where commits are enough (PostgreSQL's WAL).
     */
    default void persistStaged(Connection connection) throws SQLException {
    }

    /**
     * Clears what a previous borrower may have left on a pooled session that the pool itself does
     * not reset: H2 applies {@code Statement.setQueryTimeout} to the whole session, so a read's
     * time limit would otherwise cancel the next borrower's statements. PostgreSQL's driver keeps
     * timeouts per statement (nothing to do).
     */
    default void resetBorrowedSession(Connection connection) throws SQLException {
    }

    /**
     * Prepares a borrowed session for one streamed read ({@code FeatureStore.query}). Returns
     * true when the database then produces rows as they are fetched, so that a JDBC query timeout
     * would run until the cursor closes: the cursor then keeps its own {@link ReadTimeBudget} of
     * time spent inside the database instead. H2 builds a whole result before returning its first
     * row unless its lazy execution is on; PostgreSQL streams through a server-side cursor and
     * applies the timeout per statement (nothing to do).
     */
    default boolean startStreamingRead(Connection connection) throws SQLException {
        return false;
    }

    /** Undoes {@link #startStreamingRead} before the session goes back to the pool. */
    default void endStreamingRead(Connection connection) throws SQLException {
    }

    /** A cheap row-count estimate of a table, or empty when only an exact count can answer. */
    OptionalLong estimatedRowCount(Connection connection, String table) throws SQLException;

    /**
     * Whether this process is the only one using the database (embedded H2 without AUTO_SERVER),
     * so staging tables left by a previous run can be dropped at start-up without a grace period.
     */
    boolean exclusiveAccess();

    /**
     * The page clause. Both databases accept LIMIT/OFFSET; the values are longs, never text, so
     * inlining them is safe and keeps the statement cacheable per page size.
     */
    default String limitOffset(long limit, long offset) {
        return (limit >= 0 ? "LIMIT " + limit + " " : "") + "OFFSET " + offset;
    }

    /**
     * Whether partitions are replaced in place by one DML transaction (PostgreSQL). H2 2.4 cannot
     * reopen a database whose process died with an uncommitted change to a spatially indexed
     * table (the undo log of its R-tree fails to replay), so H2GIS partition writes copy the
     * other partitions into a staging table and publish it like a full replacement.
     */
    boolean partitionWritesInPlace();

    /** Statement producing a query plan for the given SELECT (tests check spatial index use). */
    String explain(String select);
}
