package fr.carence.store.jdbc;

import fr.carence.store.FeatureStore;
import fr.carence.store.InvalidQueryException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;

/**
 * Compiles a {@link Filter} to an SQL boolean expression over one layer's physical table.
 * Property names are looked up in the layer schema (unknown names are an
 * {@link InvalidQueryException} naming the property) and only the schema's own names reach the
 * SQL text; every value is converted to its attribute's type and bound as a parameter.
 *
 * <p>Every spatial predicate that can use the spatial index is emitted as
 * {@code geom && <envelope> AND ST_Pred(geom, <geometry>)}: H2GIS only consults its R-tree for an
 * explicit {@code &&}, and for PostGIS it is what the predicate would inline anyway.
 */
public final class FilterSqlCompiler {

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    private static final char SQL_ESCAPE = '\\';

    private final SqlDialect dialect;

    public FilterSqlCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Compiles the filter; a null filter is TRUE. */
    public SqlFragment compile(Filter filter, LayerSchema schema) {
        Builder out = new Builder();
        if (filter == null) {
            out.sql.append("1=1");
        } else {
            new Compilation(schema, out).append(filter);
        }
        return new SqlFragment(out.sql.toString(), out.parameters);
    }

    /** The index-backed bounding-box test of {@code FeatureQuery.bbox}. */
    public SqlFragment compileBbox(Envelope bbox, LayerSchema schema) {
        return compile(new Filter.Spatial(Filter.SpatialOperator.BBOX, FACTORY.toGeometry(bbox)), schema);
    }

    private static final class Builder {
        final StringBuilder sql = new StringBuilder();
        final List<Object> parameters = new ArrayList<>();

        void parameter(Object value) {
            sql.append('?');
            parameters.add(value);
        }
    }

    private final class Compilation {
        private final LayerSchema schema;
        private final Builder out;

        Compilation(LayerSchema schema, Builder out) {
            this.schema = schema;
            this.out = out;
        }

        void append(Filter filter) {
            // Java 17: no pattern matching in switch yet.
            if (filter instanceof Filter.And and) {
                junction(and.operands(), " AND ", "1=1");
            } else if (filter instanceof Filter.Or or) {
                junction(or.operands(), " OR ", "1=0");
            } else if (filter instanceof Filter.Not not) {
                out.sql.append("NOT (");
                append(not.operand());
                out.sql.append(')');
            } else if (filter instanceof Filter.Compare c) {
                compare(c);
            } else if (filter instanceof Filter.Between b) {
                between(b);
            } else if (filter instanceof Filter.Like l) {
                like(l);
            } else if (filter instanceof Filter.IsNull n) {
                isNull(n);
            } else if (filter instanceof Filter.ResourceIds r) {
                resourceIds(r);
            } else if (filter instanceof Filter.Spatial s) {
                spatial(s);
            } else {
                throw new InvalidQueryException("filter", "unsupported filter " + filter.getClass().getSimpleName());
            }
        }

        private void junction(List<Filter> operands, String operator, String empty) {
            if (operands.isEmpty()) {
                out.sql.append(empty);
                return;
            }
            out.sql.append('(');
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    out.sql.append(operator);
                }
                out.sql.append('(');
                append(operands.get(i));
                out.sql.append(')');
            }
            out.sql.append(')');
        }

        private void compare(Filter.Compare c) {
            Attribute attribute = attribute(c.property());
            Object value = value(attribute, c.value());
            boolean caseInsensitive = !c.matchCase() && attribute.type() == AttributeType.STRING;
            column(attribute, caseInsensitive);
            out.sql.append(switch (c.operator()) {
                case EQ -> " = ";
                case NE -> " <> ";
                case LT -> " < ";
                case LE -> " <= ";
                case GT -> " > ";
                case GE -> " >= ";
            });
            if (caseInsensitive) {
                out.sql.append("LOWER(");
                out.parameter(value);
                out.sql.append(')');
            } else {
                out.parameter(value);
            }
        }

        private void between(Filter.Between b) {
            Attribute attribute = attribute(b.property());
            Object lower = value(attribute, b.lower());
            Object upper = value(attribute, b.upper());
            column(attribute, false);
            out.sql.append(" BETWEEN ");
            out.parameter(lower);
            out.sql.append(" AND ");
            out.parameter(upper);
        }

        private void like(Filter.Like l) {
            Attribute attribute = attribute(l.property());
            if (l.pattern() == null) {
                throw new InvalidQueryException(l.property(), "PropertyIsLike on '" + l.property() + "' has no pattern");
            }
            String pattern = likePattern(l);
            String column = dialect.quote(attribute.name());
            if (attribute.type() != AttributeType.STRING) {
                column = "CAST(" + column + " AS VARCHAR)";
            }
            if (l.matchCase()) {
                out.sql.append(column).append(" LIKE ");
                out.parameter(pattern);
            } else {
                out.sql.append("LOWER(").append(column).append(") LIKE LOWER(");
                out.parameter(pattern);
                out.sql.append(')');
            }
            out.sql.append(" ESCAPE '").append(SQL_ESCAPE).append('\'');
        }

        private void isNull(Filter.IsNull n) {
            if (LayerSchema.GEOMETRY_COLUMN.equals(n.property()) && schema.hasGeometry()) {
                out.sql.append(dialect.quote(LayerSchema.GEOMETRY_COLUMN)).append(" IS NULL");
                return;
            }
            column(attribute(n.property()), false);
            out.sql.append(" IS NULL");
        }

        private void resourceIds(Filter.ResourceIds r) {
            Attribute id = schema.attribute(schema.idAttribute()).orElseThrow();
            List<Object> values = new ArrayList<>();
            for (String rid : r.ids()) {
                try {
                    values.add(AttributeValues.convert(id.type(), rid, true));
                } catch (IllegalArgumentException e) {
                    // An id that cannot exist in this layer (e.g. text for an integer id) just matches nothing.
                }
            }
            if (values.isEmpty()) {
                out.sql.append("1=0");
                return;
            }
            column(id, false);
            out.sql.append(" IN (");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.sql.append(", ");
                }
                out.parameter(values.get(i));
            }
            out.sql.append(')');
        }

        private void spatial(Filter.Spatial s) {
            if (!schema.hasGeometry()) {
                throw new InvalidQueryException(LayerSchema.GEOMETRY_COLUMN,
                        "layer '" + schema.name() + "' has no geometry: spatial filters do not apply");
            }
            Geometry g = s.geometry();
            if (g == null) {
                throw new InvalidQueryException(LayerSchema.GEOMETRY_COLUMN, s.operator() + " filter without a geometry");
            }
            if (g.getSRID() != 0 && g.getSRID() != FeatureStore.STORAGE_SRID) {
                throw new InvalidQueryException(LayerSchema.GEOMETRY_COLUMN, "filter geometry is in EPSG:" + g.getSRID()
                        + "; the store expects EPSG:" + FeatureStore.STORAGE_SRID + " (transform it first)");
            }
            double distance = s.distance();
            if ((s.operator() == Filter.SpatialOperator.DWITHIN || s.operator() == Filter.SpatialOperator.BEYOND)
                    && !(distance >= 0 && Double.isFinite(distance))) {
                throw new InvalidQueryException("distance", s.operator() + " distance must be a finite number >= 0, got " + distance);
            }
            String geom = dialect.quote(LayerSchema.GEOMETRY_COLUMN);
            switch (s.operator()) {
                case BBOX, INTERSECTS -> indexed(geom, "ST_Intersects", g, g.getEnvelopeInternal());
                case WITHIN -> indexed(geom, "ST_Within", g, g.getEnvelopeInternal());
                case CONTAINS -> indexed(geom, "ST_Contains", g, g.getEnvelopeInternal());
                case TOUCHES -> indexed(geom, "ST_Touches", g, g.getEnvelopeInternal());
                case OVERLAPS -> indexed(geom, "ST_Overlaps", g, g.getEnvelopeInternal());
                case CROSSES -> indexed(geom, "ST_Crosses", g, g.getEnvelopeInternal());
                case EQUALS -> indexed(geom, "ST_Equals", g, g.getEnvelopeInternal());
                case DISJOINT -> {
                    // A negation cannot use the index.
                    out.sql.append("ST_Disjoint(").append(geom).append(", ");
                    geometryParameter(g);
                    out.sql.append(')');
                }
                case DWITHIN -> {
                    Envelope box = new Envelope(g.getEnvelopeInternal());
                    box.expandBy(distance);
                    indexBox(geom, box);
                    out.sql.append(" AND ");
                    dwithin(geom, g, distance);
                }
                case BEYOND -> {
                    out.sql.append("NOT ");
                    dwithin(geom, g, distance);
                }
            }
        }

        private void indexed(String geom, String predicate, Geometry g, Envelope box) {
            out.sql.append('(');
            indexBox(geom, box);
            out.sql.append(" AND ").append(predicate).append('(').append(geom).append(", ");
            geometryParameter(g);
            out.sql.append("))");
        }

        private void indexBox(String geom, Envelope box) {
            out.sql.append(geom).append(" && ");
            geometryParameter(FACTORY.toGeometry(box));
        }

        private void geometryParameter(Geometry g) {
            out.sql.append("ST_GeomFromWKB(");
            out.parameter(wkb(g));
            out.sql.append(", ").append(FeatureStore.STORAGE_SRID).append(')');
        }

        private void dwithin(String geom, Geometry g, double distance) {
            out.sql.append("ST_DWithin(").append(geom).append(", ");
            geometryParameter(g);
            out.sql.append(", ");
            out.parameter(distance);
            out.sql.append(')');
        }

        private Attribute attribute(String property) {
            if (property == null) {
                throw new InvalidQueryException("propertyName", "missing property name");
            }
            return schema.attribute(property).orElseThrow(() -> new InvalidQueryException(property,
                    "layer '" + schema.name() + "' has no property '" + AttributeValues.shorten(property) + "'"));
        }

        private Object value(Attribute attribute, Object raw) {
            if (raw == null) {
                throw new InvalidQueryException(attribute.name(),
                        "no value to compare '" + attribute.name() + "' with (use PropertyIsNull to test for null)");
            }
            try {
                return AttributeValues.convert(attribute.type(), raw, true);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(attribute.name(), "invalid value for property '" + attribute.name() + "': " + e.getMessage());
            }
        }

        private void column(Attribute attribute, boolean lowerCase) {
            String quoted = dialect.quote(attribute.name());
            out.sql.append(lowerCase ? "LOWER(" + quoted + ")" : quoted);
        }
    }

    /**
     * Translates an FES pattern (own wildcard, single-char and escape characters) to SQL LIKE
     * with {@code \} as escape: literal {@code %}, {@code _} and {@code \} are escaped.
     */
    static String likePattern(Filter.Like l) {
        String pattern = l.pattern();
        StringBuilder sql = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == l.escapeChar() && i + 1 < pattern.length()) {
                literal(sql, pattern.charAt(++i));
            } else if (c == l.wildCard()) {
                sql.append('%');
            } else if (c == l.singleChar()) {
                sql.append('_');
            } else {
                literal(sql, c);
            }
        }
        return sql.toString();
    }

    private static void literal(StringBuilder sql, char c) {
        if (c == '%' || c == '_' || c == SQL_ESCAPE) {
            sql.append(SQL_ESCAPE);
        }
        sql.append(c);
    }

    static byte[] wkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }
}
