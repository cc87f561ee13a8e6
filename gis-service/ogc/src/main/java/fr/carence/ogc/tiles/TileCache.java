package fr.carence.ogc.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.carence.render.cache.LayerVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Encoded tiles kept in memory, bounded by their bytes (Caffeine, least recently and frequently
 * used evicted first). A key holds the layer's committed version from the store registry: when
 * a request sees a new version of a layer, that layer's older tiles are dropped at once; the other
 * layers' tiles stay. The registry versions a layer as a whole, so a new scenario replaces the
 * tiles of every scenario of that result layer (not of the other layers).
 */
final class TileCache {

    /** Everything that makes two tiles differ. */
    record Key(String storeLayer, LayerVersion version, String scenario, List<String> attributes, int zoom, long row,
               long col) {
    }

    /** An encoded tile: the MVT bytes (empty for a tile without feature) and its entity tag. */
    record Entry(byte[] mvt, String etag) {
    }

    private final Cache<Key, Entry> tiles;
    private final Map<String, LayerVersion> current = new ConcurrentHashMap<>();

    TileCache(long maxBytes) {
        this.tiles = maxBytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.mvt().length + 200).recordStats().build();
    }

    Entry get(Key key, Supplier<Entry> encode) {
        if (tiles == null) {
            return encode.get();
        }
        LayerVersion previous = current.put(key.storeLayer(), key.version());
        if (previous != null && !previous.equals(key.version())) {
            tiles.asMap().keySet().removeIf(k -> k.storeLayer().equals(key.storeLayer()) && !k.version().equals(key.version()));
        }
        return tiles.get(key, k -> encode.get());
    }

    /** Tiles served from memory so far (for tests and the benchmark notes). */
    long hits() {
        return tiles == null ? 0 : tiles.stats().hitCount();
    }

    long size() {
        return tiles == null ? 0 : tiles.estimatedSize();
    }

    /** True when a tile of this layer at this version is held. */
    boolean holdsVersion(String storeLayer, LayerVersion version) {
        return tiles != null && tiles.asMap().keySet().stream()
                .anyMatch(k -> k.storeLayer().equals(storeLayer) && k.version().equals(version));
    }
}
