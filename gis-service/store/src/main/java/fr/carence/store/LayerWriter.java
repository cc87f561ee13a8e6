package fr.carence.store;

/**
 * Writes a new version of a layer (or of one partition of it) into a staging area.
 * Nothing is visible to readers until {@link #commit()}; {@link #close()} without commit discards
 * the staging area, so a failed load leaves the store exactly as it was.
 */
public interface LayerWriter extends AutoCloseable {

    /** Writes one feature; values are checked against the schema (type, nullability). */
    void write(Feature feature);

    /** Number of features written so far. */
    long written();

    /** Publishes the new version atomically and records its provenance. */
    void commit();

    /** Discards the staging area unless committed. Never throws for a clean abort. */
    @Override
    void close();
}
