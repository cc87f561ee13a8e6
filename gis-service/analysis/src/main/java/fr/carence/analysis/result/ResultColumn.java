package fr.carence.analysis.result;

import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.Set;
import java.util.function.Function;

/**
 * One published column of a result layer, declared once: the layer schema, the writer, the
 * API's labels (hence the web map) and the docs' table are all derived from it.
 *
 * @param name column name (French snake_case)
 * @param type stored type
 * @param nullable whether the value may be empty
 * @param unit unit as shown to a reader ("" when none)
 * @param label French label
 * @param definition one-line French definition
 * @param source where the figure comes from (publisher file or analysis step)
 * @param scale display factor (100 for shares shown in %), 1 otherwise
 * @param readers roles that may read the column ({@link ColumnReaders}; empty = public): the
 *                catalogue's column rules must not open it to more roles, or the service does not
 *                start ({@code ResultLayers.RESTRICTED_COLUMNS} derives from these declarations)
 * @param extractor the value for one row
 * @param <R> row type of the layer
 */
public record ResultColumn<R>(String name, AttributeType type, boolean nullable, String unit, String label,
                              String definition, String source, double scale, Set<String> readers,
                              Function<R, Object> extractor) {

    /** A required column without unit; refine with the {@code with…} methods. */
    public static <R> ResultColumn<R> of(String name, AttributeType type, String label, Function<R, Object> extractor) {
        return new ResultColumn<>(name, type, false, "", label, "", "", 1, ColumnReaders.PUBLIC, extractor);
    }

    public ResultColumn<R> optional() {
        return new ResultColumn<>(name, type, true, unit, label, definition, source, scale, readers, extractor);
    }

    public ResultColumn<R> unit(String u) {
        return new ResultColumn<>(name, type, nullable, u, label, definition, source, scale, readers, extractor);
    }

    /** A share stored in [0, 1] and shown in %. */
    public ResultColumn<R> percent() {
        return new ResultColumn<>(name, type, nullable, "%", label, definition, source, 100, readers, extractor);
    }

    public ResultColumn<R> definition(String d) {
        return new ResultColumn<>(name, type, nullable, unit, label, d, source, scale, readers, extractor);
    }

    public ResultColumn<R> source(String s) {
        return new ResultColumn<>(name, type, nullable, unit, label, definition, s, scale, readers, extractor);
    }

    public ResultColumn {
        readers = readers == null ? ColumnReaders.PUBLIC : ColumnReaders.of(readers.toArray(String[]::new));
    }

    /** Readable by these roles only (e.g. {@link ColumnReaders#FUNDERS}); the catalogue's column rules must agree. */
    public ResultColumn<R> readableBy(Set<String> roles) {
        return new ResultColumn<>(name, type, nullable, unit, label, definition, source, scale, roles, extractor);
    }

    /** Not public: some roles only may read it. */
    public boolean restricted() {
        return !readers.isEmpty();
    }

    LayerSchema.Attribute attribute() {
        return new LayerSchema.Attribute(name, type, nullable);
    }

    Object value(R row) {
        Object v = extractor.apply(row);
        // NaN and infinities (no eligible commuter, no venue in reach) are published as empty
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        return v;
    }
}
