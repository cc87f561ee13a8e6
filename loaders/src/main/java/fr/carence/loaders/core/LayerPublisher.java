package fr.carence.loaders.core;

import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import java.util.List;
import java.util.Map;

/**
 * Publishes several layers that a loader has fully read and validated in memory (small reference
 * tables), one writer at a time so a load never holds more than one pooled connection. The store
 * has no multi-layer transaction: input errors are all raised before the first write, so only a
 * store failure midway could leave the first layers at their new version (each still complete).
 */
public final class LayerPublisher {

    private LayerPublisher() {
    }

    /** Replaces each layer in map order and records the counts in the report. */
    public static void publishAll(FeatureStore store, LayerInfo.Source source, Map<LayerSchema, List<Feature>> layers,
                                  LoadReport report) {
        for (Map.Entry<LayerSchema, List<Feature>> e : layers.entrySet()) {
            try (LayerWriter w = store.replaceLayer(e.getKey(), source)) {
                for (Feature f : e.getValue()) {
                    w.write(f);
                }
                w.commit();
                report.setFeaturesWritten(e.getKey().name(), w.written());
            }
        }
    }
}
