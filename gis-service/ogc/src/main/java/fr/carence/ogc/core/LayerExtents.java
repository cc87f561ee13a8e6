package fr.carence.ogc.core;

import fr.carence.crs.CrsTransforms;
import fr.carence.render.cache.LayerVersion;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * Extents of the layers for the capabilities and collection documents of every protocol (WFS and
 * OGC API in WGS 84, WMS in Lambert-93), computed from the store and kept until the layer is
 * committed again ({@link LayerVersion}: an extent scan per capabilities request would be slow on PostGIS). One cache
 * per store, shared by the protocols ({@link #of}).
 */
public final class LayerExtents {

    /** Where Lambert-93 is valid (metropolitan France and Corsica with a margin), in Lambert-93. */
    private static final Envelope METROPOLE = new Envelope(-400_000, 1_600_000, 5_900_000, 7_300_000);
    /** Metropolitan France (with Corsica) in Lambert-93: the WMS extent of a layer without data. */
    public static final Envelope FRANCE_2154 = new Envelope(99_000, 1_243_000, 6_046_000, 7_111_000);

    /** Weak both ways: the services hold their extents, the extents hold their store. */
    private static final Map<FeatureStore, WeakReference<LayerExtents>> BY_STORE = new WeakHashMap<>();

    /** One committed version of a layer (null: absent): its stored extent, and its WGS 84 extent once asked. */
    private static final class Cached {
        final LayerVersion version;
        final Optional<Envelope> stored;
        volatile Optional<Envelope> wgs84;

        Cached(LayerVersion version, Optional<Envelope> stored) {
            this.version = version;
            this.stored = stored;
        }
    }

    private final FeatureStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LayerExtents(FeatureStore store) {
        this.store = store;
    }

    /** The extents of this store's layers, shared by every protocol serving it. */
    public static LayerExtents of(FeatureStore store) {
        synchronized (BY_STORE) {
            WeakReference<LayerExtents> ref = BY_STORE.get(store);
            LayerExtents extents = ref == null ? null : ref.get();
            if (extents == null) {
                extents = new LayerExtents(store);
                BY_STORE.put(store, new WeakReference<>(extents));
            }
            return extents;
        }
    }

    /** Longitude/latitude extent of the layer, or empty when it has no geometry or no feature. */
    public Optional<Envelope> wgs84(String storeLayer) {
        Cached c = current(storeLayer);
        Optional<Envelope> w = c.wgs84;
        if (w == null) {
            w = c.stored.map(e -> wgs84(storeLayer, e));
            c.wgs84 = w;
        }
        return w;
    }

    /**
     * Lambert-93 extent for WMS capabilities: {@link #FRANCE_2154} for a layer without data so
     * clients can still add it, a single point widened to a visible box.
     */
    public Envelope storage(String storeLayer) {
        Envelope e = current(storeLayer).stored.orElse(FRANCE_2154);
        if (e.getWidth() <= 0 || e.getHeight() <= 0) {
            e = new Envelope(e);
            e.expandBy(1000); // a single point: give it a visible extent
        }
        return e;
    }

    private Cached current(String storeLayer) {
        LayerVersion version = store.info(storeLayer).map(LayerVersion::of).orElse(null);
        Cached c = cache.get(storeLayer);
        if (c == null || !Objects.equals(c.version, version)) {
            Optional<Envelope> stored = store.schema(storeLayer).isPresent() ? store.extent(storeLayer) : Optional.empty();
            c = new Cached(version, stored);
            cache.put(storeLayer, c);
        }
        return c;
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
