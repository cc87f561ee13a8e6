package fr.carence.ogc.wfs;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * WGS 84 extents of the layers for the capabilities, computed from the store and kept until the
 * layer is committed again (an extent scan per capabilities request would be slow on PostGIS).
 */
public final class LayerExtents {

    private record Cached(Instant committedAt, Optional<Envelope> wgs84) {
    }

    private final FeatureStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LayerExtents(FeatureStore store) {
        this.store = store;
    }

    /** Longitude/latitude extent of the layer, or empty when it has no geometry or no feature. */
    public Optional<Envelope> wgs84(String storeLayer) {
        Instant version = store.info(storeLayer).map(LayerInfo::committedAt).orElse(Instant.EPOCH);
        Cached c = cache.get(storeLayer);
        if (c == null || !c.committedAt().equals(version)) {
            Optional<Envelope> env = store.extent(storeLayer)
                    .map(e -> CrsTransforms.transform(e, FeatureStore.STORAGE_SRID, 4326));
            c = new Cached(version, env);
            cache.put(storeLayer, c);
        }
        return c.wgs84();
    }
}
