package fr.carence.ogc.tiles;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the vector tiles ({@code carence.tiles.*}). The features tiles are drawn from
 * come from the map's layer cache shared with WMS ({@code carence.wms.cache-megabytes}).
 *
 * @param cacheMegabytes memory of the encoded-tile cache ({@code carence.tiles.cache-megabytes}, default 64);
 *                       0 disables it (every tile is encoded from the features)
 * @param bufferPixels margin kept around each tile, in 256-pixel-tile pixels ({@code carence.tiles.buffer-pixels},
 *                     default 4), so strokes of polygons cut at the tile edge do not show a seam
 */
@ConfigurationProperties("carence.tiles")
public record TilesSettings(Integer cacheMegabytes, Integer bufferPixels) {

    public TilesSettings {
        cacheMegabytes = cacheMegabytes == null ? 64 : cacheMegabytes;
        bufferPixels = bufferPixels == null ? 4 : bufferPixels;
        if (cacheMegabytes < 0) {
            throw new IllegalArgumentException("carence.tiles.cache-megabytes must be >= 0, got " + cacheMegabytes);
        }
        if (bufferPixels < 0 || bufferPixels > 64) {
            throw new IllegalArgumentException("carence.tiles.buffer-pixels must be between 0 and 64, got " + bufferPixels);
        }
    }

    public static TilesSettings defaults() {
        return new TilesSettings(null, null);
    }
}
