package fr.carence.loaders.testing;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every feature of a layer as comparable text (id, attributes, geometry WKT), sorted by id. */
public final class LayerSnapshot {

    private LayerSnapshot() {
    }

    /** The layer's content, or an empty list when the layer does not exist. */
    public static List<String> of(FeatureStore store, String layer) {
        if (store.schema(layer).isEmpty()) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        try (FeatureCursor c = store.query(layer, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                rows.add(f.id() + " " + f.properties() + " " + (f.geometry() == null ? "" : f.geometry().toText()));
            }
        }
        Collections.sort(rows);
        return rows;
    }
}
