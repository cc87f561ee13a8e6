package fr.carence.loaders.core;

import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers one load replaces, staged together. Writers are opened through
 * {@link FeatureStore#replaceLayer}; {@link #commitAll} publishes them one after the other once
 * the loader has read and validated everything, and {@link #close} discards whatever was not
 * committed. So a {@link LoadException} thrown before {@code commitAll} leaves the store as it was.
 *
 * <p>Each open writer holds a pooled connection until the end (the H2GIS pool has 4): stream into
 * one or two layers here; for many small layers validated in memory use {@link LayerPublisher}.
 */
public final class StagedLayers implements AutoCloseable {

    private final FeatureStore store;
    private final LayerInfo.Source source;
    private final Map<String, LayerWriter> writers = new LinkedHashMap<>();
    private final List<LayerWriter> committed = new ArrayList<>();

    public StagedLayers(FeatureStore store, LayerInfo.Source source) {
        this.store = store;
        this.source = source;
    }

    /** Opens (once) the staging writer of a layer. */
    public LayerWriter writer(LayerSchema schema) {
        return writers.computeIfAbsent(schema.name(), name -> store.replaceLayer(schema, source));
    }

    /** Commits every staged layer and records the counts in the report. */
    public void commitAll(LoadReport report) {
        for (Map.Entry<String, LayerWriter> e : writers.entrySet()) {
            LayerWriter w = e.getValue();
            w.commit();
            committed.add(w);
            report.setFeaturesWritten(e.getKey(), w.written());
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (LayerWriter w : writers.values()) {
            try {
                w.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
