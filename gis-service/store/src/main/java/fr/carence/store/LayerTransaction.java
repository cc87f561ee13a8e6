package fr.carence.store;

/**
 * Several layer writes published together: either every layer written through this transaction
 * becomes visible, or none does (a failure or a dead process before or during {@link #commit()}
 * leaves every layer exactly as it was).
 *
 * <p>Writers are obtained from the transaction. Their {@link LayerWriter#commit()} only means
 * "this layer is complete": it checks and indexes the staged data (duplicate ids fail there) and
 * gives the writer's connection back, but publishes nothing. {@link #commit()} completes the
 * writers not yet completed and publishes all of them in one database transaction.
 * {@link #close()} without a successful commit discards everything staged. A layer may be written
 * at most once per transaction.
 */
public interface LayerTransaction extends AutoCloseable {

    /** Like {@link FeatureStore#replaceLayer}, published at {@link #commit()}. */
    LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source);

    /**
     * Like {@link FeatureStore#replacePartition}, published at {@link #commit()}; an absent layer
     * is created by the commit, not before. Fails at commit if another write replaced the layer
     * meanwhile (the transaction then publishes nothing).
     */
    LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source);

    /**
     * Like {@link FeatureStore#pinVersions}, written by {@link #commit()} in the same database
     * transaction as the layers: a scenario published with its pins can never be seen without them
     * (a crash or a purge between two steps would otherwise let a version it read go). A no-op for
     * stores that keep no earlier versions.
     */
    default void pinVersions(String holder, java.util.Map<String, java.time.Instant> versions) {
    }

    /** Publishes every layer written through this transaction in one atomic step. */
    void commit();

    /** Discards whatever was not published. Never throws for a clean abort. */
    @Override
    void close();
}
