package fr.carence.ogc.wms;

import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * Layer extents in the storage CRS for capabilities, cached per committed version of the layer
 * (the store recomputes an extent by scanning geometries). Layers without data get the extent of
 * metropolitan France so clients can still add them.
 */
final class LayerExtents {

    /** Metropolitan France (with Corsica) in Lambert-93. */
    static final Envelope FRANCE_2154 = new Envelope(99_000, 1_243_000, 6_046_000, 7_111_000);

    private final FeatureStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LayerExtents(FeatureStore store) {
        this.store = store;
    }

    Envelope extent(PublishedLayer layer) {
        String table = layer.storeLayer();
        Optional<LayerInfo> info = store.info(table);
        Object version = info.map(LayerInfo::committedAt).orElse(null);
        Cached c = cache.get(table);
        if (c != null && java.util.Objects.equals(c.version, version)) {
            return c.extent;
        }
        Envelope e = store.schema(table).isPresent() ? store.extent(table).orElse(FRANCE_2154) : FRANCE_2154;
        if (e.getWidth() <= 0 || e.getHeight() <= 0) {
            e = new Envelope(e);
            e.expandBy(1000); // a single point: give it a visible extent
        }
        cache.put(table, new Cached(version, e));
        return e;
    }

    private record Cached(Object version, Envelope extent) {
    }
}
