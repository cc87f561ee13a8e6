package fr.carence.ogc.tiles;

import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.ogc.security.ReadableLayersCatalog;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.store.FeatureStore;
import io.tileverse.vectortile.model.VectorTile;
import io.tileverse.vectortile.mvt.VectorTileCodec;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/** A tile service and endpoint over the real catalogue, with a caller whose roles a test sets. */
final class TileTestSupport {

    final AtomicReference<Set<String>> roles = new AtomicReference<>(Set.of());
    final VectorTileService service;
    final TilesEndpoint endpoint;

    final LayerFeatureCache features;
    final ReadableLayersCatalog catalog;

    TileTestSupport(FeatureStore store, TilesSettings settings) {
        this(store, settings, new LayerFeatureCache(store, 256L << 20));
    }

    /** @param features the map layer cache (shared with a WMS in some tests; 0 bytes = store reads) */
    TileTestSupport(FeatureStore store, TilesSettings settings, LayerFeatureCache features) {
        CallerRoles caller = roles::get;
        GeoServerCatalog all = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
                SharedData.repoRoot().resolve("sld-styles"));
        this.features = features;
        this.catalog = new ReadableLayersCatalog(all, caller);
        this.service = new VectorTileService(catalog, store, features, settings,
                OgcSettings.defaults().requestTimeout());
        this.endpoint = new TilesEndpoint(service, caller, LayerExtents.of(store), OgcSettings.defaults());
    }

    /** The WebMercatorQuad tile holding a longitude/latitude: {zoom, row, col} (slippy-map formula). */
    static long[] tileAt(double lon, double lat, int zoom) {
        double n = 1L << zoom;
        double rad = Math.toRadians(lat);
        long col = (long) Math.floor((lon + 180) / 360 * n);
        long row = (long) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return new long[] {zoom, row, col};
    }

    static List<VectorTile.Layer.Feature> decode(byte[] mvt) throws IOException {
        return new VectorTileCodec().decode(mvt).getFeatures().toList();
    }

    /** A decoded geometry (tile units, y down) back in EPSG:3857. */
    static Geometry toWebMercator(Geometry tileUnits, int zoom, long row, long col) {
        Envelope tile = WebMercatorQuad.envelope(zoom, row, col);
        double unit = tile.getWidth() / VectorTileService.EXTENT;
        Geometry g = tileUnits.copy();
        g.apply(new AffineTransformation(unit, 0, tile.getMinX(), 0, -unit, tile.getMaxY()));
        g.geometryChanged();
        return g;
    }
}
