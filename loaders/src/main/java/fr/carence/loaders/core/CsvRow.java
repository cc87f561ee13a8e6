package fr.carence.loaders.core;

import java.util.List;
import java.util.Map;

/**
 * One data row of a {@link CsvFile}, with accessors that turn bad values into
 * {@link LoadException}s naming file, line and column.
 */
public final class CsvRow {

    private final String file;
    private final long line;
    private final Map<String, Integer> index;
    private final List<String> values;
    private final NumberStyle numbers;

    CsvRow(String file, long line, Map<String, Integer> index, List<String> values, NumberStyle numbers) {
        this.file = file;
        this.line = line;
        this.index = index;
        this.values = values;
        this.numbers = numbers;
    }

    public String file() {
        return file;
    }

    /** 1-based physical line where the row starts. */
    public long line() {
        return line;
    }

    /** The header names, in file order. */
    public List<String> columns() {
        String[] names = new String[values.size()];
        index.forEach((name, i) -> names[i] = name);
        return List.of(names);
    }

    public boolean hasColumn(String column) {
        return index.containsKey(column);
    }

    /** The raw value (stripped), "" for an empty cell. */
    public String get(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw LoadException.atLine(file, line, column, "colonne absente de l'en-tête");
        }
        return values.get(i).strip();
    }

    /** The value, or null when the cell is empty. */
    public String optional(String column) {
        String v = get(column);
        return v.isEmpty() ? null : v;
    }

    /** The value, which must not be empty. */
    public String required(String column) {
        String v = get(column);
        if (v.isEmpty()) {
            throw error(column, "valeur obligatoire manquante");
        }
        return v;
    }

    /** A non-negative whole number, or null when empty. */
    public Long count(String column) {
        return Numbers.count(get(column), numbers, reason -> error(column, reason));
    }

    /** A non-negative whole number that must be present. */
    public long requiredCount(String column) {
        Long v = count(column);
        if (v == null) {
            throw error(column, "valeur obligatoire manquante");
        }
        return v;
    }

    /** A decimal number, or null when empty. */
    public Double decimal(String column) {
        return Numbers.decimal(get(column), numbers, reason -> error(column, reason));
    }

    /** A non-negative decimal number, or null when empty. */
    public Double nonNegative(String column) {
        return Numbers.nonNegative(get(column), numbers, reason -> error(column, reason));
    }

    /** An error about one field of this row. */
    public LoadException error(String column, String reason) {
        return LoadException.atLine(file, line, column, reason);
    }
}
