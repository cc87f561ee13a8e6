package fr.carence.api.scenario;

import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.FeatureStore;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scenario job service, built on the application's {@link FeatureStore} bean.
 * Properties: {@code carence.analysis.workers} (concurrent runs, default 1: a run already uses
 * every core), {@code carence.analysis.queue} (queued runs, default 4),
 * {@code carence.analysis.matrices-dir} (travel-time matrices users may name; none by default).
 */
@Configuration(proxyBeanMethods = false)
public class ScenarioApiConfiguration {

    @Bean(destroyMethod = "close")
    public ScenarioService scenarioService(FeatureStore store,
                                           @Value("${carence.analysis.workers:1}") int workers,
                                           @Value("${carence.analysis.queue:4}") int queue,
                                           @Value("${carence.analysis.matrices-dir:}") String matricesDir) {
        return new ScenarioService(store, workers, queue, matricesDir.isBlank() ? null : Path.of(matricesDir));
    }
}
