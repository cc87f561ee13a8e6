package fr.carence.loaders.core;

import java.util.List;

/**
 * What a loader expects from a CSV file, as its publisher writes it.
 *
 * @param separator the declared field separator (',' ';' '\t' '|')
 * @param encoding accepted encodings
 * @param requiredColumns header names that must be present (exact, case-sensitive)
 * @param numbers number conventions of the publisher
 * @param headerLine 1-based line of the header (some INSEE files have title lines above it)
 */
public record CsvSpec(char separator, TextEncoding encoding, List<String> requiredColumns, NumberStyle numbers, int headerLine) {

    public CsvSpec {
        requiredColumns = List.copyOf(requiredColumns);
        if (headerLine < 1) {
            throw new IllegalArgumentException("headerLine must be >= 1");
        }
    }

    public static CsvSpec of(char separator, TextEncoding encoding, List<String> requiredColumns, NumberStyle numbers) {
        return new CsvSpec(separator, encoding, requiredColumns, numbers, 1);
    }

    public CsvSpec withHeaderLine(int line) {
        return new CsvSpec(separator, encoding, requiredColumns, numbers, line);
    }
}
