package fr.carence.app;

import fr.carence.store.FeatureStore;
import fr.carence.store.jdbc.FeatureStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FeatureStore of the service, opened from {@link StoreProperties}. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    FeatureStore featureStore(StoreProperties properties) {
        var config = properties.toConfig();
        LOG.info("Magasin de données : {}", config.describe());
        return FeatureStores.open(config);
    }
}
