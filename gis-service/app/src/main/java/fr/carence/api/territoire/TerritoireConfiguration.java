package fr.carence.api.territoire;

import fr.carence.store.FeatureStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The territory index over the store (one per application: it caches the communes' extents). */
@Configuration(proxyBeanMethods = false)
public class TerritoireConfiguration {

    @Bean
    public TerritoireIndex territoireIndex(FeatureStore store) {
        return new TerritoireIndex(store);
    }
}
