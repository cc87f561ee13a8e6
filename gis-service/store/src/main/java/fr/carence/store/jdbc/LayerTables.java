package fr.carence.store.jdbc;

import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * DDL of the physical tables holding layer versions, their indexes, and the view named after
 * each layer that external clients (GeoServer, QGIS) can open under a stable name.
 */
final class LayerTables {

    private final SqlDialect dialect;

    LayerTables(SqlDialect dialect) {
        this.dialect = dialect;
    }

    void create(Connection c, String physical, LayerSchema schema) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(dialect.quote(physical)).append(" (");
        for (Attribute a : schema.attributes()) {
            ddl.append(dialect.quote(a.name())).append(' ').append(dialect.columnType(a.type()));
            if (!a.nullable() || a.name().equals(schema.idAttribute())) {
                ddl.append(" NOT NULL");
            }
            ddl.append(", ");
        }
        if (schema.hasGeometry()) {
            ddl.append(dialect.quote(LayerSchema.GEOMETRY_COLUMN)).append(' ')
                    .append(dialect.geometryColumnType(schema.geometryType(), FeatureStore.STORAGE_SRID));
        } else {
            ddl.setLength(ddl.length() - 2);
        }
        ddl.append(')');
        execute(c, ddl.toString());
    }

    /**
     * Builds the id primary key and the spatial index, after the bulk load (faster than
     * maintaining them row by row).
     */
    void index(Connection c, String physical, LayerSchema schema) throws SQLException {
        execute(c, "ALTER TABLE " + dialect.quote(physical) + " ADD CONSTRAINT " + dialect.quote(physical + "_pk")
                + " PRIMARY KEY (" + dialect.quote(schema.idAttribute()) + ")");
        if (schema.hasGeometry()) {
            execute(c, dialect.createSpatialIndex(spatialIndexName(physical), dialect.quote(physical),
                    dialect.quote(LayerSchema.GEOMETRY_COLUMN)));
        }
    }

    /** Name of the spatial index of a physical table (as created, before any catalogue case folding). */
    static String spatialIndexName(String physical) {
        return physical + "_geom";
    }

    /** Index on a partition column, so partition replacement does not scan the table. */
    void indexPartitionColumn(Connection c, String physical, LayerSchema schema, String column) throws SQLException {
        int position = schema.attributes().indexOf(schema.attribute(column).orElseThrow());
        execute(c, "CREATE INDEX IF NOT EXISTS " + dialect.quote(physical + "_a" + position) + " ON "
                + dialect.quote(physical) + " (" + dialect.quote(column) + ")");
    }

    void replaceView(Connection c, String layer, String physical) throws SQLException {
        dropView(c, layer);
        execute(c, "CREATE VIEW " + dialect.quote(layer) + " AS SELECT * FROM " + dialect.quote(physical));
    }

    void dropView(Connection c, String layer) throws SQLException {
        execute(c, "DROP VIEW IF EXISTS " + dialect.quote(layer));
    }

    void drop(Connection c, String physical) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS " + dialect.quote(physical));
    }

    Set<String> baseTables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(dialect.listTablesSql())) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
