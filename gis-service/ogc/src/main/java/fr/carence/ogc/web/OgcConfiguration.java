package fr.carence.ogc.web;

import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.features.FeaturesApi;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.ogc.security.ReadableLayersCatalog;
import fr.carence.ogc.wfs.WfsService;
import fr.carence.store.FeatureStore;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the OGC services: the catalogue read from {@code carence.catalog.dir}
 * (default {@code geoserver-data}) with styles from {@code carence.styles.dir} (default
 * {@code sld-styles}), the WFS service and the settings. The application supplies the
 * {@link FeatureStore} bean, and a {@link CallerRoles} bean telling who calls; without one every
 * caller is anonymous, so restricted layers stay hidden.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OgcSettings.class, StreamingLimits.class})
public class OgcConfiguration {

    /** The catalogue filtered, at each call, by the layer read rules for the current caller. */
    @Bean
    public Catalog catalog(@Value("${carence.catalog.dir:geoserver-data}") String catalogDir,
                           @Value("${carence.styles.dir:sld-styles}") String stylesDir,
                           ObjectProvider<CallerRoles> callerRoles) {
        return new ReadableLayersCatalog(GeoServerCatalog.read(Path.of(catalogDir), Path.of(stylesDir)),
                callerRoles.getIfAvailable(CallerRoles::anonymous));
    }

    @Bean
    public OutputFormats wfsOutputFormats() {
        return OutputFormats.standard();
    }

    @Bean
    public WfsService wfsService(Catalog catalog, FeatureStore store, OutputFormats wfsOutputFormats, OgcSettings settings) {
        return new WfsService(catalog, store, wfsOutputFormats, settings.maxFeatures(), settings.exactCountLimit(),
                settings.title(), settings.requestTimeout());
    }

    /** OGC API Features at /ogc: same catalogue (read rules), store, page limit and timeout as WFS. */
    @Bean
    public FeaturesApi featuresApi(Catalog catalog, FeatureStore store, OgcSettings settings) {
        return new FeaturesApi(catalog, store, settings.maxFeatures(), settings.exactCountLimit(), settings.requestTimeout(),
                settings.title());
    }
}
