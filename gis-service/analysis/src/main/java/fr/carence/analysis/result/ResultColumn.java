package fr.carence.analysis.result;

import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.AttributeType;
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
 * @param restricted readable by FUNDER and ADMIN only because derived from the candidate sites
 *                   (pre-decisional): the catalogue's column rules must restrict it, or the service
 *                   does not start ({@code ResultLayers.RESTRICTED_COLUMNS} derives from this flag)
 * @param extractor the value for one row
 * @param <R> row type of the layer
 */
public record ResultColumn<R>(String name, AttributeType type, boolean nullable, String unit, String label,
                              String definition, String source, double scale, boolean restricted,
                              Function<R, Object> extractor) {

    /** A required column without unit; refine with the {@code with…} methods. */
    public static <R> ResultColumn<R> of(String name, AttributeType type, String label, Function<R, Object> extractor) {
        return new ResultColumn<>(name, type, false, "", label, "", "", 1, false, extractor);
    }

    public ResultColumn<R> optional() {
        return new ResultColumn<>(name, type, true, unit, label, definition, source, scale, restricted, extractor);
    }

    public ResultColumn<R> unit(String u) {
        return new ResultColumn<>(name, type, nullable, u, label, definition, source, scale, restricted, extractor);
    }

    /** A share stored in [0, 1] and shown in %. */
    public ResultColumn<R> percent() {
        return new ResultColumn<>(name, type, nullable, "%", label, definition, source, 100, restricted, extractor);
    }

    public ResultColumn<R> definition(String d) {
        return new ResultColumn<>(name, type, nullable, unit, label, d, source, scale, restricted, extractor);
    }

    public ResultColumn<R> source(String s) {
        return new ResultColumn<>(name, type, nullable, unit, label, definition, s, scale, restricted, extractor);
    }

    /** Derived from the candidate sites: FUNDER and ADMIN only (column rules of the catalogue). */
    public ResultColumn<R> restrictedToFunders() {
        return new ResultColumn<>(name, type, nullable, unit, label, definition, source, scale, true, extractor);
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
