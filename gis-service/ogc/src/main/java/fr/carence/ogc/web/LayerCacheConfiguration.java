package fr.carence.ogc.web;

import fr.carence.ogc.wms.WmsSettings;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.store.FeatureStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one in-memory copy of the store's layers for map drawing, shared by WMS GetMap and the
 * vector tiles so that a layer drawn by both is held once (with its pre-generalised copies).
 * Its budget is {@code carence.wms.cache-megabytes} (0 = both read the store).
 */
@Configuration(proxyBeanMethods = false)
public class LayerCacheConfiguration {

    @Bean
    public LayerFeatureCache layerFeatureCache(FeatureStore store, WmsSettings wms) {
        return new LayerFeatureCache(store, wms.cacheMegabytes() * 1024L * 1024L);
    }
}
