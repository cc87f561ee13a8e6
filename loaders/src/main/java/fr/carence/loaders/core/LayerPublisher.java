package fr.carence.loaders.core;

import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import java.util.List;
import java.util.Map;

/**
 * Publishes several layers that a loader has fully read and validated in memory (small reference
 * tables) in one {@link LayerTransaction}: all become visible together or none does. Layers are
 * staged one at a time (a staged writer gives its connection back), so a load holds at most one
 * pooled connection while writing, and one more for the publication.
 */
public final class LayerPublisher {

    private LayerPublisher() {
    }

    /** Replaces every layer at once (staged in map order) and records the counts in the report. */
    public static void publishAll(FeatureStore store, LayerInfo.Source source, Map<LayerSchema, List<Feature>> layers,
                                  LoadReport report) {
        try (LayerTransaction tx = store.transaction()) {
            Map<String, Long> written = new java.util.LinkedHashMap<>();
            for (Map.Entry<LayerSchema, List<Feature>> e : layers.entrySet()) {
                LayerWriter w = tx.replaceLayer(e.getKey(), source);
                for (Feature f : e.getValue()) {
                    w.write(f);
                }
                w.commit();  // staged and indexed, not yet visible
                written.put(e.getKey().name(), w.written());
            }
            tx.commit();
            written.forEach(report::setFeaturesWritten);
        }
    }
}
