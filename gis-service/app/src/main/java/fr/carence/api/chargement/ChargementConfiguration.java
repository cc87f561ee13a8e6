package fr.carence.api.chargement;

import fr.carence.cluster.ClusterProperties;
import fr.carence.cluster.LoadLock;
import fr.carence.store.FeatureStore;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the load-by-upload API on the application's {@link FeatureStore}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargementProperties.class)
public class ChargementConfiguration {

    /** One instance: finished jobs are forgotten at this pace (there is no lease to renew). */
    private static final Duration MEMORY_MAINTENANCE = Duration.ofMinutes(1);

    /** One load at a time: in this process, and on the shared database when there is one (fr.carence.cluster). */
    @Bean
    public LoadLock loadLock(ObjectProvider<DataSource> clusterDataSource) {
        return new LoadLock(clusterDataSource.getIfAvailable());
    }

    /** Jobs in the shared database with several instances (any of them answers), else in memory. */
    @Bean(destroyMethod = "close")
    public UploadedDatasetLoads uploadedDatasetLoads(FeatureStore store, ChargementProperties limits, LoadLock loadLock,
                                                     ObjectProvider<DataSource> clusterDataSource, ClusterProperties cluster) {
        DataSource shared = clusterDataSource.getIfAvailable();
        String instance = cluster.instance();
        return shared == null
                ? new UploadedDatasetLoads(store, limits, loadLock, new MemoryLoadJobStore(), instance, MEMORY_MAINTENANCE)
                : new UploadedDatasetLoads(store, limits, loadLock, new DatabaseLoadJobStore(shared, instance, cluster.lease()),
                        instance, cluster.poll());
    }
}
