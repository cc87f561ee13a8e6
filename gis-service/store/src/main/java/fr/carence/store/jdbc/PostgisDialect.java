package fr.carence.store.jdbc;

import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

/** PostgreSQL with PostGIS (production). */
public final class PostgisDialect implements SqlDialect {

    /** Below this many rows an exact count is cheap enough and beats a stale statistic. */
    static final long EXACT_COUNT_THRESHOLD = 100_000;

    @Override
    public String kind() {
        return "postgis";
    }

    @Override
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/postgis");
    }

    @Override
    public void initialise(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (SQLException e) {
            throw new StoreException("the PostGIS extension is not installed in this database and this user "
                    + "cannot create it: run CREATE EXTENSION postgis as a superuser", e);
        }
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String catalogName(String identifier) {
        return identifier;
    }

    @Override
    public String columnType(AttributeType type) {
        return switch (type) {
            case STRING -> "text";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp with time zone";
        };
    }

    @Override
    public String geometryColumnType(GeometryType type, int srid) {
        return "geometry(" + type.name() + ", " + srid + ")";
    }

    @Override
    public String createSpatialIndex(String indexName, String quotedTable, String quotedColumn) {
        return "CREATE INDEX " + quote(indexName) + " ON " + quotedTable + " USING GIST (" + quotedColumn + ")";
    }

    @Override
    public String nextValue(String sequence) {
        return "nextval('" + sequence + "')";
    }

    @Override
    public String listTablesSql() {
        return "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void analyze(Connection connection, String quotedTable) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE " + quotedTable);
        }
    }

    @Override
    public OptionalLong estimatedRowCount(Connection connection, String table) throws SQLException {
        // reltuples is refreshed by the ANALYZE run at every commit and by autovacuum.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) >= EXACT_COUNT_THRESHOLD) {
                    return OptionalLong.of(rs.getLong(1));
                }
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public boolean exclusiveAccess() {
        return false;
    }

    @Override
    public boolean partitionWritesInPlace() {
        return true;
    }

    @Override
    public String explain(String select) {
        return "EXPLAIN " + select;
    }
}
