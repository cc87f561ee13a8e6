package fr.carence.api.chargement;

import fr.carence.store.FeatureStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the load-by-upload API on the application's {@link FeatureStore}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargementProperties.class)
public class ChargementConfiguration {

    @Bean
    public UploadedDatasetLoads uploadedDatasetLoads(FeatureStore store, ChargementProperties limits) {
        return new UploadedDatasetLoads(store, limits);
    }
}
