package fr.carence.reliability;

import fr.carence.store.jdbc.StoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Watches, from outside, a store another process is writing: its physical tables
 * ({@code carence_data_<n>}) that the layer registry does not publish are staging tables of a
 * write in progress (or leftovers of a dead one). Staged rows are committed batch by batch, so
 * they are visible here before the write publishes anything.
 */
final class StagingTables {

    private StagingTables() {
    }

    /**
     * A plain JDBC connection to the store. On H2GIS it goes through the AUTO_SERVER of the process
     * that holds the file, so open it only once that process has opened the store, or it would
     * take the file over.
     */
    static Connection connect(StoreConfig config) throws SQLException {
        return config.kind() == StoreConfig.Kind.H2GIS
                ? DriverManager.getConnection("jdbc:h2:file:" + config.h2DatabasePath() + ";AUTO_SERVER=TRUE", "sa", "")
                : DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    /** Store tables the registry does not publish; {@code schema} null on H2GIS. */
    static Set<String> unpublished(Connection c, String schema) throws SQLException {
        Set<String> published = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT physical_table FROM carence_layer")) {
            while (rs.next()) {
                published.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("carence_data_") && !published.contains(lower)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** True when a staging table not in {@code known} already holds rows. */
    static boolean newStagingWithRows(Connection c, String schema, Set<String> known) throws SQLException {
        for (String table : unpublished(c, schema)) {
            if (!known.contains(table) && rows(c, table) > 0) {
                return true;
            }
        }
        return false;
    }

    private static long rows(Connection c, String table) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0; // dropped meanwhile
        }
    }
}
