package fr.carence.analysis.store;

import fr.carence.analysis.result.ColumnReaders;
import fr.carence.store.LayerSchema;
import java.util.List;
import java.util.Set;

/**
 * One column of a table the REST API shows but OGC does not publish ({@code scenarios},
 * {@code recalculs}), declared once with who may read it: the table's schema and
 * {@link ResultLayers#RESTRICTED_COLUMNS} derive from these declarations, as the result layers'
 * derive from {@code ResultColumns}.
 *
 * @param attribute stored column
 * @param readers roles that may read it ({@link ColumnReaders}; empty = public)
 */
public record TableColumn(LayerSchema.Attribute attribute, Set<String> readers) {

    public TableColumn {
        readers = readers == null ? ColumnReaders.PUBLIC : readers;
    }

    /** A public column. */
    public static TableColumn of(LayerSchema.Attribute attribute) {
        return new TableColumn(attribute, ColumnReaders.PUBLIC);
    }

    /** Readable by these roles only (e.g. {@link ColumnReaders#FUNDERS}); the catalogue's column rules must agree. */
    public TableColumn readableBy(Set<String> roles) {
        return new TableColumn(attribute, roles);
    }

    public String name() {
        return attribute.name();
    }

    /** The schema of a table without geometry declared as these columns. */
    static LayerSchema schema(String table, List<TableColumn> columns, String id) {
        return new LayerSchema(table, columns.stream().map(TableColumn::attribute).toList(), LayerSchema.GeometryType.NONE, id);
    }
}
