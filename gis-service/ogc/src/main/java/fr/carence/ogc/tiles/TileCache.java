package fr.carence.ogc.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Encoded tiles kept in memory, bounded by their bytes (Caffeine, least recently and frequently
 * used evicted first). A key holds the version of what the tile was drawn from: the layer's
 * committed version for an input layer, the content of the one scenario partition for a result
 * layer ({@link VectorTileService}). When a request sees a new version of a (layer, scenario),
 * that partition's older tiles are dropped at once; other layers and other scenarios keep theirs.
 */
final class TileCache {

    /**
     * Everything that makes two tiles differ.
     *
     * @param scenario the scenario partition, null for a layer without scenarios
     * @param version what the tile's content was read from ({@link VectorTileService#contentVersion})
     */
    record Key(String storeLayer, String scenario, String version, List<String> attributes, int zoom, long row,
               long col) {
    }

    /** An encoded tile: the MVT bytes (empty for a tile without feature) and its entity tag. */
    record Entry(byte[] mvt, String etag) {
    }

    /** A layer, or one scenario partition of a result layer: the unit a new version replaces. */
    private record Partition(String storeLayer, String scenario) {
    }

    private final Cache<Key, Entry> tiles;
    private final Map<Partition, String> current = new ConcurrentHashMap<>();
    private final AtomicLong encodings = new AtomicLong();

    TileCache(long maxBytes) {
        this.tiles = maxBytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.mvt().length + 200).recordStats().build();
    }

    Entry get(Key key, Supplier<Entry> encode) {
        Supplier<Entry> counted = () -> {
            encodings.incrementAndGet();
            return encode.get();
        };
        if (tiles == null) {
            return counted.get();
        }
        Partition partition = new Partition(key.storeLayer(), key.scenario());
        // Read first: a served tile's partition is almost always at its current version, and a
        // write per request would make every request thread contend on the same map entry.
        String previous = current.get(partition);
        if (!key.version().equals(previous)) {
            previous = current.put(partition, key.version());
        }
        if (previous != null && !previous.equals(key.version())) {
            tiles.asMap().keySet().removeIf(k -> k.storeLayer().equals(key.storeLayer())
                    && Objects.equals(k.scenario(), key.scenario()) && !k.version().equals(key.version()));
        }
        return tiles.get(key, k -> counted.get());
    }

    /** Tiles served from memory so far (for tests and the benchmark notes). */
    long hits() {
        return tiles == null ? 0 : tiles.stats().hitCount();
    }

    /** Tiles encoded so far (cache misses, or every tile when the cache is off). */
    long encodings() {
        return encodings.get();
    }

    long size() {
        return tiles == null ? 0 : tiles.estimatedSize();
    }

    /** True when a tile of this layer (any scenario) at this version is held. */
    boolean holdsVersion(String storeLayer, String version) {
        return tiles != null && tiles.asMap().keySet().stream()
                .anyMatch(k -> k.storeLayer().equals(storeLayer) && k.version().equals(version));
    }
}
