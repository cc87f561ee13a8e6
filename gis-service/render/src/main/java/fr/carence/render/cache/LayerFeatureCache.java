package fr.carence.render.cache;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole store layers kept in memory for map drawing, so a map does not re-read and re-decode its
 * geometries from the database. Each request checks the layer's committed version in the store
 * registry ({@link FeatureStore#info}): a replaced layer or a rewritten partition is reloaded on
 * the next map. All cached layers together stay within a memory budget (estimated bytes); the
 * least recently drawn layers are evicted to make room, and a layer that cannot fit on its own
 * is not cached (maps of it query the store as before).
 */
public final class LayerFeatureCache {

    private static final Logger LOG = LoggerFactory.getLogger(LayerFeatureCache.class);

    private final FeatureStore store;
    private final MemoryBudget budget;
    private final Map<String, CachedLayer> layers = new ConcurrentHashMap<>();
    /** Versions known not to fit in the budget: not retried until the layer changes. */
    private final Map<String, LayerVersion> tooBig = new ConcurrentHashMap<>();
    private final Map<String, Object> loadLocks = new ConcurrentHashMap<>();
    private final GeometryFactory packed;

    /** @param budgetBytes estimated bytes all cached layers may take together; 0 disables the cache */
    public LayerFeatureCache(FeatureStore store, long budgetBytes) {
        this.store = store;
        this.budget = new MemoryBudget(budgetBytes);
        this.packed = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID,
                PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    }

    /**
     * The layer's current committed version, loaded now if it is not cached yet; empty when the
     * layer does not exist, is empty, or does not fit in the budget.
     */
    public Optional<CachedLayer> layer(String name) {
        if (budget.limit() == 0) {
            return Optional.empty();
        }
        Optional<LayerInfo> info = store.info(name);
        if (info.isEmpty()) {
            CachedLayer dropped = layers.remove(name);
            if (dropped != null) {
                dropped.evict(); // the layer was dropped: give its memory back now
            }
            return Optional.empty();
        }
        LayerVersion version = LayerVersion.of(info.get());
        CachedLayer cached = current(name, version);
        if (cached != null || version.equals(tooBig.get(name))) {
            return Optional.ofNullable(cached);
        }
        synchronized (loadLocks.computeIfAbsent(name, k -> new Object())) {
            cached = current(name, version);
            if (cached != null || version.equals(tooBig.get(name))) {
                return Optional.ofNullable(cached);
            }
            CachedLayer stale = layers.remove(name);
            if (stale != null) {
                stale.evict();
            }
            return Optional.ofNullable(load(name, version));
        }
    }

    public long usedBytes() {
        return budget.used();
    }

    public long budgetBytes() {
        return budget.limit();
    }

    private CachedLayer current(String name, LayerVersion version) {
        CachedLayer c = layers.get(name);
        return c != null && c.version().equals(version) ? c : null;
    }

    private CachedLayer load(String name, LayerVersion version) {
        long started = System.nanoTime();
        List<Feature> features = new ArrayList<>();
        long bytes = 64;
        // The version was read before the schema and the rows: a commit in between only causes one
        // more reload. The schema is read just before the rows (each resolves the current table).
        Optional<LayerSchema> schema = store.schema(name);
        if (schema.isEmpty()) {
            return null; // dropped since its version was read
        }
        try (FeatureCursor cursor = store.query(name, FeatureQuery.all())) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) {
                    continue; // never drawn
                }
                Geometry compact = packed.createGeometry(g);
                bytes += MemoryFootprint.of(compact) + MemoryFootprint.of(f.id(), f.properties()) + 120;
                if (bytes > budget.limit()) {
                    return tooBig(name, version, "more than the whole budget");
                }
                features.add(new Feature(f.id(), compact, f.properties()));
            }
        }
        if (!makeRoom(bytes)) {
            return tooBig(name, version, "the budget is held by layers being drawn");
        }
        CachedLayer layer = new CachedLayer(name, version, schema.get(), features, bytes, budget);
        layers.put(name, layer);
        tooBig.remove(name);
        LOG.info("Map cache: layer {} ({} features, ~{} MB) loaded in {} ms; cache holds ~{} of {} MB", name,
                features.size(), bytes >> 20, (System.nanoTime() - started) / 1_000_000, budget.used() >> 20,
                budget.limit() >> 20);
        return layer;
    }

    /** Reserves the bytes, evicting the least recently drawn layers as needed. */
    private synchronized boolean makeRoom(long bytes) {
        while (!budget.tryReserve(bytes)) {
            Optional<CachedLayer> oldest = layers.values().stream().min(Comparator.comparingLong(CachedLayer::lastUsed));
            if (oldest.isEmpty()) {
                return false;
            }
            layers.remove(oldest.get().name(), oldest.get());
            oldest.get().evict();
            LOG.info("Map cache: layer {} evicted to make room", oldest.get().name());
        }
        return true;
    }

    private CachedLayer tooBig(String name, LayerVersion version, String why) {
        tooBig.put(name, version);
        LOG.info("Map cache: layer {} not cached ({}; budget {} MB): maps read it from the store", name, why,
                budget.limit() >> 20);
        return null;
    }
}
