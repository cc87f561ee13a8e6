package fr.carence.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.carence.app.StoreProperties;
import fr.carence.store.jdbc.StoreConfig;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Several instances on one PostGIS database (docs/deployment.md). With the PostGIS store (and
 * {@code carence.cluster.enabled} left true) this configuration adds the {@link DataSource} that
 * Spring Boot's Spring Session JDBC support picks up (web map sessions in the database) and that
 * the scenario queue, the lockout counters, the upload jobs and the load lock use. With H2GIS there is no such
 * bean: sessions, counters and the queue stay in memory, as for one embedded instance.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ClusterConfiguration.OnSharedDatabase.class)
public class ClusterConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    /** The PostGIS store with {@code carence.cluster.enabled} not false. */
    static final class OnSharedDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            String kind = env.getProperty("carence.store.kind", "h2gis").trim().toLowerCase(Locale.ROOT);
            return "postgis".equals(kind) && env.getProperty("carence.cluster.enabled", Boolean.class, true);
        }
    }

    /** Pooled connections to the store's database, with the cluster tables migrated. */
    @Bean(destroyMethod = "close")
    public DataSource clusterDataSource(StoreProperties store, ClusterProperties cluster) {
        StoreConfig config = store.toConfig();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("carence-cluster");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(cluster.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setInitializationFailTimeout(config.connectionTimeout().toMillis());
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/cluster")
                    .table("carence_cluster_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("Mode plusieurs instances : sessions, compteurs de verrouillage, file des scénarios, travaux et verrou "
                + "des chargements dans la base ({}), instance « {} »", config.describe(), cluster.instance());
        return dataSource;
    }
}
