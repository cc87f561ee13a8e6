package fr.carence.render.cache;

import fr.carence.store.LayerInfo;
import java.time.Instant;

/**
 * Identifies one committed version of a store layer. Every replaceLayer, replacePartition and
 * deletePartition commit stamps a new {@code committedAt} in the store's layer registry; the
 * feature count is kept too so two commits within the timestamp's precision still differ when
 * they changed the layer's size.
 */
public record LayerVersion(Instant committedAt, long featureCount) {

    public static LayerVersion of(LayerInfo info) {
        return new LayerVersion(info.committedAt(), info.featureCount());
    }
}
