package fr.carence.store.jdbc;

import fr.carence.store.FeatureQuery;
import fr.carence.store.InvalidQueryException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the SELECT (or COUNT) for a {@link FeatureQuery} on one physical table: selected
 * columns in schema order, bbox and filter as bound predicates, sort keys with the id as
 * tie-breaker (NULLS placed the same way on both databases), then the page.
 *
 * @param fragment the statement and its parameters
 * @param attributes selected attributes in SELECT order (the geometry column follows when selected)
 * @param idIndex position of the id attribute in {@code attributes}
 * @param geometry whether {@code ST_AsBinary(geom)} is the last column
 */
record QuerySql(SqlFragment fragment, List<Attribute> attributes, int idIndex, boolean geometry) {

    static QuerySql select(SqlDialect dialect, FilterSqlCompiler filters, LayerSchema schema, String physical,
                           FeatureQuery query) {
        List<Attribute> selected = selectedAttributes(schema, query.properties());
        boolean geometry = query.includeGeometry() && schema.hasGeometry();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Attribute a : selected) {
            sql.append(dialect.quote(a.name())).append(", ");
        }
        if (geometry) {
            sql.append("ST_AsBinary(").append(dialect.quote(LayerSchema.GEOMETRY_COLUMN)).append(')');
        } else {
            sql.setLength(sql.length() - 2);
        }
        sql.append(" FROM ").append(dialect.quote(physical));
        List<Object> parameters = new ArrayList<>();
        where(dialect, filters, schema, query, sql, parameters);
        boolean paged = query.offset() > 0 || query.limit() >= 0;
        if (!query.sortBy().isEmpty() || paged) {
            orderBy(dialect, schema, query.sortBy(), sql);
        }
        if (paged) {
            sql.append(' ').append(dialect.limitOffset(query.limit(), query.offset()));
        }
        int idIndex = 0;
        while (!selected.get(idIndex).name().equals(schema.idAttribute())) {
            idIndex++;
        }
        return new QuerySql(new SqlFragment(sql.toString(), parameters), selected, idIndex, geometry);
    }

    static SqlFragment count(SqlDialect dialect, FilterSqlCompiler filters, LayerSchema schema, String physical,
                             FeatureQuery query) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(dialect.quote(physical));
        List<Object> parameters = new ArrayList<>();
        where(dialect, filters, schema, query, sql, parameters);
        return new SqlFragment(sql.toString(), parameters);
    }

    private static void where(SqlDialect dialect, FilterSqlCompiler filters, LayerSchema schema, FeatureQuery query,
                              StringBuilder sql, List<Object> parameters) {
        List<SqlFragment> predicates = new ArrayList<>();
        if (query.bbox() != null) {
            if (!schema.hasGeometry()) {
                throw new InvalidQueryException("BBOX", "layer '" + schema.name() + "' has no geometry");
            }
            predicates.add(filters.compileBbox(query.bbox(), schema));
        }
        if (query.filter() != null) {
            predicates.add(filters.compile(query.filter(), schema));
        }
        for (int i = 0; i < predicates.size(); i++) {
            sql.append(i == 0 ? " WHERE " : " AND ").append('(').append(predicates.get(i).sql()).append(')');
            parameters.addAll(predicates.get(i).parameters());
        }
    }

    private static void orderBy(SqlDialect dialect, LayerSchema schema, List<FeatureQuery.SortKey> keys, StringBuilder sql) {
        sql.append(" ORDER BY ");
        Set<String> seen = new HashSet<>();
        for (FeatureQuery.SortKey key : keys) {
            Attribute a = schema.attribute(key.property()).orElseThrow(() -> new InvalidQueryException("SORTBY",
                    "layer '" + schema.name() + "' has no property '" + AttributeValues.shorten(String.valueOf(key.property()))
                            + "' to sort on"));
            if (seen.add(a.name())) {
                sql.append(dialect.quote(a.name())).append(key.ascending() ? " ASC NULLS LAST, " : " DESC NULLS FIRST, ");
            }
        }
        if (seen.contains(schema.idAttribute())) {
            sql.setLength(sql.length() - 2);
        } else {
            sql.append(dialect.quote(schema.idAttribute())).append(" ASC");
        }
    }

    private static List<Attribute> selectedAttributes(LayerSchema schema, List<String> names) {
        if (names == null) {
            return schema.attributes();
        }
        Set<String> wanted = new HashSet<>();
        for (String name : names) {
            if (LayerSchema.GEOMETRY_COLUMN.equals(name) && schema.hasGeometry()) {
                continue;  // the geometry is governed by includeGeometry
            }
            if (schema.attribute(name).isEmpty()) {
                throw new InvalidQueryException(name == null ? "PROPERTYNAME" : name, "layer '" + schema.name()
                        + "' has no property '" + AttributeValues.shorten(String.valueOf(name)) + "'");
            }
            wanted.add(name);
        }
        wanted.add(schema.idAttribute());
        return schema.attributes().stream().filter(a -> wanted.contains(a.name())).toList();
    }
}
