package fr.carence.api.scenario;

import fr.carence.analysis.scenario.DatabaseRunQueue;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.cluster.ClusterProperties;
import fr.carence.store.FeatureStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scenario job service, built on the application's {@link FeatureStore} bean.
 * Properties: {@code carence.analysis.workers} (concurrent runs, default 1: a run already uses
 * every core), {@code carence.analysis.queue} (queued runs, default 4),
 * {@code carence.analysis.matrices-dir} (travel-time matrices users may name; none by default).
 * With several instances on one PostGIS database (the cluster {@link DataSource} exists), the
 * queue is the database's ({@link DatabaseRunQueue}, docs/deployment.md).
 */
@Configuration(proxyBeanMethods = false)
public class ScenarioApiConfiguration {

    @Bean(destroyMethod = "close")
    public ScenarioService scenarioService(FeatureStore store,
                                           @Value("${carence.analysis.workers:1}") int workers,
                                           @Value("${carence.analysis.queue:4}") int queue,
                                           @Value("${carence.analysis.matrices-dir:}") String matricesDir,
                                           ObjectProvider<DataSource> clusterDataSource, ClusterProperties cluster) {
        DataSource shared = clusterDataSource.getIfAvailable();
        DatabaseRunQueue sharedQueue = shared == null ? null
                : new DatabaseRunQueue(shared, cluster.instance(), cluster.lease(), cluster.poll());
        return new ScenarioService(store, workers, queue, matricesDir.isBlank() ? null : Path.of(matricesDir), sharedQueue);
    }
}
