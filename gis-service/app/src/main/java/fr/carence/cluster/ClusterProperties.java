package fr.carence.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code carence.cluster.*}: several instances on one PostGIS database (docs/deployment.md).
 *
 * @param enabled sessions, lockout counters, the scenario queue and the load lock in the database;
 *                on by default with the PostGIS store, impossible with H2GIS (embedded, one instance)
 * @param lease how long a claimed scenario run stays an instance's without being renewed; a run
 *              whose instance died is taken over by another one after at most {@code lease + poll}
 * @param poll how often an idle instance looks for queued or abandoned runs
 * @param poolSize connections of the pool used by sessions, the queue and the locks (the feature
 *                 store keeps its own pool)
 * @param instanceId this instance's name in the queue (who runs what); default host:pid
 */
@ConfigurationProperties("carence.cluster")
public record ClusterProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration lease,
                                @DefaultValue("2s") Duration poll, @DefaultValue("8") int poolSize,
                                String instanceId) {

    public ClusterProperties {
        if (lease.compareTo(Duration.ofSeconds(3)) < 0 || poll.isNegative() || poll.isZero()
                || poll.compareTo(lease) >= 0 || poolSize < 2) {
            throw new IllegalArgumentException("carence.cluster : lease >= 3s, 0 < poll < lease, pool-size >= 2");
        }
    }

    /** The configured name, or host:pid, unique among instances sharing a database. */
    public String instance() {
        if (instanceId != null && !instanceId.isBlank()) {
            return instanceId.strip();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
