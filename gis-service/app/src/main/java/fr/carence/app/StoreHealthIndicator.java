package fr.carence.app;

import fr.carence.store.FeatureStore;
import fr.carence.store.StoreException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code store}: UP when the database answers, with its kind and the number of
 * published layers; DOWN otherwise. Part of the readiness group, so a load balancer stops sending
 * requests while the database is away and resumes when it is back, without a restart (liveness
 * stays UP: restarting the service would not bring the database back). Details never carry the
 * JDBC URL, the user or an exception message.
 */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private final FeatureStore store;

    StoreHealthIndicator(FeatureStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("magasin", store.kind());
        if (!store.isAvailable()) {
            return health.down().withDetail("raison", "la base de données ne répond pas").build();
        }
        try {
            return health.withDetail("couches", store.layerNames().size()).build();
        } catch (StoreException e) {
            // Answered the ping, then failed: still not fit to serve.
            return health.down().withDetail("raison", "la base de données répond mais le registre des couches est illisible").build();
        }
    }
}
