package fr.carence.store;

/**
 * A partition write gave a schema that differs from the existing layer's: partitions share one
 * table, so the layer must first be replaced as a whole (or the writer fixed).
 */
public class SchemaMismatchException extends IllegalArgumentException {
    private final LayerSchema existing;
    private final LayerSchema given;

    public SchemaMismatchException(String layer, LayerSchema existing, LayerSchema given) {
        super("layer '" + layer + "' exists with a different schema; existing: " + existing.geometryType() + " "
                + existing.attributes() + " id " + existing.idAttribute() + "; given: " + given.geometryType() + " "
                + given.attributes() + " id " + given.idAttribute());
        this.existing = existing;
        this.given = given;
    }

    public LayerSchema existing() {
        return existing;
    }

    public LayerSchema given() {
        return given;
    }
}
