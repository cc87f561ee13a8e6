package fr.carence.store.jdbc;

import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.GeometryType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/**
 * Turns features into INSERT rows of one layer: checks every value against the schema (type,
 * nullability, geometry type and CRS) and binds it. A single polygon, line or point given for a
 * MULTI layer is promoted, since sources mix both.
 */
final class FeatureRows {

    private final LayerSchema schema;
    private final SqlDialect dialect;
    private final WKBWriter wkbWriter = new WKBWriter(2);

    FeatureRows(LayerSchema schema, SqlDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    String insertSql(String physical) {
        StringBuilder cols = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Attribute a : schema.attributes()) {
            cols.append(dialect.quote(a.name())).append(", ");
            values.append("?, ");
        }
        if (schema.hasGeometry()) {
            cols.append(dialect.quote(LayerSchema.GEOMETRY_COLUMN));
            values.append("ST_GeomFromWKB(?, ").append(FeatureStore.STORAGE_SRID).append(')');
        } else {
            cols.setLength(cols.length() - 2);
            values.setLength(values.length() - 2);
        }
        return "INSERT INTO " + dialect.quote(physical) + " (" + cols + ") VALUES (" + values + ")";
    }

    /**
     * Binds one feature. {@code fixed} optionally forces an attribute value (the partition column).
     *
     * @param ordinal 1-based position of the feature in the write, for error messages
     * @throws IllegalArgumentException naming the layer, the feature and the attribute
     */
    void bind(PreparedStatement ps, Feature feature, long ordinal, String fixedAttribute, Object fixedValue)
            throws SQLException {
        Map<String, Object> properties = feature.properties() == null ? Map.of() : feature.properties();
        String where = "layer '" + schema.name() + "', feature " + describe(feature, ordinal);
        for (String key : properties.keySet()) {
            if (schema.attribute(key).isEmpty() && !LayerSchema.GEOMETRY_COLUMN.equals(key)) {
                throw new IllegalArgumentException(where + ": unknown attribute '" + key + "'");
            }
        }
        List<Attribute> attributes = schema.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            Object raw = properties.get(a.name());
            if (a.name().equals(schema.idAttribute())) {
                raw = idValue(feature, raw, where);
            }
            Object value;
            try {
                value = AttributeValues.convert(a.type(), raw, false);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": attribute '" + a.name() + "': " + e.getMessage());
            }
            if (a.name().equals(fixedAttribute)) {
                if (value == null) {
                    value = fixedValue;
                } else if (!value.equals(fixedValue)) {
                    throw new IllegalArgumentException(where + ": attribute '" + a.name() + "' is " + value
                            + " but this write replaces the partition " + a.name() + " = " + fixedValue);
                }
            }
            if (value == null && (!a.nullable() || a.name().equals(schema.idAttribute()))) {
                throw new IllegalArgumentException(where + ": attribute '" + a.name() + "' is required");
            }
            AttributeValues.bind(ps, i + 1, a.type(), value);
        }
        if (schema.hasGeometry()) {
            Geometry g = geometry(feature.geometry(), where);
            if (g == null) {
                ps.setNull(attributes.size() + 1, Types.VARBINARY);
            } else {
                ps.setBytes(attributes.size() + 1, wkbWriter.write(g));
            }
        } else if (feature.geometry() != null) {
            throw new IllegalArgumentException(where + ": layer has no geometry but the feature has one");
        }
    }

    private Object idValue(Feature feature, Object raw, String where) {
        if (raw == null) {
            return feature.id();
        }
        if (feature.id() != null && !feature.id().equals(String.valueOf(raw))) {
            throw new IllegalArgumentException(where + ": id '" + feature.id() + "' differs from its attribute '"
                    + schema.idAttribute() + "' = " + raw);
        }
        return raw;
    }

    private Geometry geometry(Geometry g, String where) {
        if (g == null) {
            return null;
        }
        if (g.getSRID() != 0 && g.getSRID() != FeatureStore.STORAGE_SRID) {
            throw new IllegalArgumentException(where + ": geometry is in EPSG:" + g.getSRID()
                    + ", the store keeps EPSG:" + FeatureStore.STORAGE_SRID + " (transform it first)");
        }
        GeometryType type = schema.geometryType();
        GeometryFactory f = g.getFactory();
        Geometry out = switch (type) {
            case POINT -> g instanceof Point ? g : null;
            case LINESTRING -> g instanceof LineString ? g : null;
            case POLYGON -> g instanceof Polygon ? g : null;
            case MULTIPOINT -> g instanceof MultiPoint ? g
                    : g instanceof Point p ? f.createMultiPoint(new Point[] {p}) : null;
            case MULTILINESTRING -> g instanceof MultiLineString ? g
                    : g instanceof LineString l ? f.createMultiLineString(new LineString[] {l}) : null;
            case MULTIPOLYGON -> g instanceof MultiPolygon ? g
                    : g instanceof Polygon p ? f.createMultiPolygon(new Polygon[] {p}) : null;
            case GEOMETRY -> g;
            case NONE -> null;
        };
        if (out == null) {
            throw new IllegalArgumentException(where + ": geometry is a " + g.getGeometryType()
                    + " but the layer holds " + type);
        }
        return out;
    }

    private static String describe(Feature feature, long ordinal) {
        return feature.id() != null ? "'" + AttributeValues.shorten(feature.id()) + "' (#" + ordinal + ")" : "#" + ordinal;
    }
}
