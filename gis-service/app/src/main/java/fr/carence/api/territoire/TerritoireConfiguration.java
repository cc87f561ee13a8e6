package fr.carence.api.territoire;

import fr.carence.store.FeatureStore;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The territory index over the store (one per application: it caches the communes' extents),
 * built in the background once the first-start work is done (ApplicationReadyEvent comes after
 * the sample load), then kept in step with its layers.
 */
@Configuration(proxyBeanMethods = false)
public class TerritoireConfiguration {

    @Bean
    public TerritoireIndex territoireIndex(FeatureStore store,
                                           @Value("${carence.territoires.max-wait:10s}") Duration maxWait) {
        return new TerritoireIndex(store, maxWait);
    }

    @Bean
    TerritoireIndexStart territoireIndexStart(TerritoireIndex index,
                                              @Value("${carence.territoires.build-at-start:true}") boolean buildAtStart,
                                              @Value("${carence.territoires.check-every:30s}") Duration checkEvery) {
        return new TerritoireIndexStart(index, buildAtStart, checkEvery);
    }

    /** Starts the background builds when the application is ready (off: the first search builds it). */
    static final class TerritoireIndexStart {
        private final TerritoireIndex index;
        private final boolean buildAtStart;
        private final Duration checkEvery;

        TerritoireIndexStart(TerritoireIndex index, boolean buildAtStart, Duration checkEvery) {
            this.index = index;
            this.buildAtStart = buildAtStart;
            this.checkEvery = checkEvery;
        }

        @EventListener
        void onReady(ApplicationReadyEvent event) {
            if (buildAtStart) {
                index.startBackgroundBuilds(checkEvery);
            }
        }
    }
}
