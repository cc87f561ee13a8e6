package fr.carence.api.chargement;

import fr.carence.cluster.LoadLock;
import fr.carence.store.FeatureStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the load-by-upload API on the application's {@link FeatureStore}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargementProperties.class)
public class ChargementConfiguration {

    /** One load at a time: in this process, and on the shared database when there is one (fr.carence.cluster). */
    @Bean
    public LoadLock loadLock(ObjectProvider<DataSource> clusterDataSource) {
        return new LoadLock(clusterDataSource.getIfAvailable());
    }

    @Bean
    public UploadedDatasetLoads uploadedDatasetLoads(FeatureStore store, ChargementProperties limits, LoadLock loadLock) {
        return new UploadedDatasetLoads(store, limits, loadLock);
    }
}
