package fr.carence.loaders.core;

import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layers one load replaces, staged together in one {@link LayerTransaction}: writers are
 * opened through {@link LayerTransaction#replaceLayer}; {@link #commitAll} publishes all of them
 * in one atomic step once the loader has read and validated everything, and {@link #close}
 * discards whatever was not published. So a {@link LoadException}, a store failure or a killed
 * process leaves every layer of the load as it was: never some new and some old.
 *
 * <p>Each open writer holds a pooled connection until it is committed or the load ends: stream
 * into one or two layers here; for many small layers validated in memory use {@link LayerPublisher}.
 */
public final class StagedLayers implements AutoCloseable {

    private final LayerTransaction transaction;
    private final LayerInfo.Source source;
    private final Map<String, LayerWriter> writers = new LinkedHashMap<>();

    public StagedLayers(FeatureStore store, LayerInfo.Source source) {
        this.transaction = store.transaction();
        this.source = source;
    }

    /** Opens (once) the staging writer of a layer. */
    public LayerWriter writer(LayerSchema schema) {
        return writers.computeIfAbsent(schema.name(), name -> transaction.replaceLayer(schema, source));
    }

    /** Publishes every staged layer together and records the counts in the report. */
    public void commitAll(LoadReport report) {
        transaction.commit();
        writers.forEach((name, w) -> report.setFeaturesWritten(name, w.written()));
    }

    @Override
    public void close() {
        transaction.close();
    }
}
