package fr.carence.store.jdbc;

import java.util.List;

/**
 * A piece of SQL whose values are all bound parameters, in order. Identifiers in {@code sql}
 * have been checked against a layer schema; {@code parameters} hold converted attribute values
 * or WKB bytes.
 */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        parameters = List.copyOf(parameters);
    }
}
