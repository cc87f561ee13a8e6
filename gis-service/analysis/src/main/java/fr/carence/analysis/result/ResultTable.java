package fr.carence.analysis.result;

import fr.carence.store.Feature;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.GeometryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * A result layer as a list of declared columns: its schema and its features derive from them.
 *
 * @param layer layer name
 * @param geometryType stored geometry type
 * @param geometry geometry of a row
 * @param columns published columns, {@code id} first
 * @param <R> row type
 */
public record ResultTable<R>(String layer, GeometryType geometryType, Function<R, Geometry> geometry,
                             List<ResultColumn<R>> columns) {

    public static final String ID = "id";

    public ResultTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || !columns.get(0).name().equals(ID)) {
            throw new IllegalArgumentException(layer + " : la première colonne déclarée doit être " + ID);
        }
    }

    public LayerSchema schema() {
        return new LayerSchema(layer, columns.stream().map(ResultColumn::attribute).toList(), geometryType, ID);
    }

    public Feature feature(R row) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (ResultColumn<R> c : columns) {
            p.put(c.name(), c.value(row));
        }
        return new Feature((String) p.get(ID), geometry.apply(row), p);
    }
}
