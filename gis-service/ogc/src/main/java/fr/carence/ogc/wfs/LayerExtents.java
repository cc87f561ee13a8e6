package fr.carence.ogc.wfs;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * WGS 84 extents of the layers for the capabilities, computed from the store and kept until the
 * layer is committed again (an extent scan per capabilities request would be slow on PostGIS).
 */
public final class LayerExtents {

    /** Where Lambert-93 is valid (metropolitan France and Corsica with a margin), in Lambert-93. */
    private static final Envelope METROPOLE = new Envelope(-400_000, 1_600_000, 5_900_000, 7_300_000);

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
            Optional<Envelope> env = store.extent(storeLayer).map(e -> wgs84(storeLayer, e));
            c = new Cached(version, env);
            cache.put(storeLayer, c);
        }
        return c.wgs84();
    }

    /**
     * Lambert-93 is only meaningful over metropolitan France: an extent reaching overseas
     * (La Réunion lies at y < 0 in Lambert-93) cannot be reprojected as a box, so the feature
     * envelopes are reprojected one by one instead (once per committed version).
     */
    private Envelope wgs84(String storeLayer, Envelope stored) {
        if (METROPOLE.contains(stored)) {
            return CrsTransforms.transform(stored, FeatureStore.STORAGE_SRID, 4326);
        }
        Envelope out = new Envelope();
        try (FeatureCursor c = store.query(storeLayer, FeatureQuery.all().withProperties(List.of()))) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    out.expandToInclude(CrsTransforms.transform(f.geometry().getEnvelopeInternal(), FeatureStore.STORAGE_SRID, 4326));
                }
            }
        }
        return out;
    }
}
