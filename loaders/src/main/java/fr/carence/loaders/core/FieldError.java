package fr.carence.loaders.core;

/** Builds a {@link LoadException} located at one row or feature, for a given field. */
@FunctionalInterface
public interface FieldError {

    /** @param field the field (column, property) at fault, or null for the row as a whole */
    LoadException error(String field, String reason);
}
