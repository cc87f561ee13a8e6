package fr.carence.ogc.tiles;

import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.store.FeatureStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the vector tiles: the tile service over the same caller-filtered catalogue and
 * store as WFS and WMS, drawing from the map's layer cache shared with WMS GetMap
 * ({@code LayerCacheConfiguration}), with {@code carence.tiles.*} settings and the OGC request timeout.
 * {@link TilesEndpoint} is the web binding.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TilesSettings.class)
public class TilesConfiguration {

    @Bean
    public VectorTileService vectorTileService(Catalog catalog, FeatureStore store, LayerFeatureCache layerFeatureCache,
                                               TilesSettings settings, OgcSettings ogc) {
        return new VectorTileService(catalog, store, layerFeatureCache, settings, ogc.requestTimeout());
    }
}
