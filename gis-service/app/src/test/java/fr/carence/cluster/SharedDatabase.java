package fr.carence.cluster;

import com.zaxxer.hikari.HikariDataSource;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.testing.StoreTestSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A new schema of the PostGIS test server with the cluster tables migrated as the service
 * migrates them, and a pool on it: the database several instances share. Dropped on close.
 */
public final class SharedDatabase implements AutoCloseable {
    private final String schema;
    private final HikariDataSource dataSource;

    public SharedDatabase() {
        schema = StoreTestSupport.createPostgisSchema();
        StoreConfig config = StoreTestSupport.postgisConfig(schema);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(config.jdbcUrl());
        dataSource.setUsername(config.user());
        dataSource.setPassword(config.password());
        dataSource.setMaximumPoolSize(6);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/cluster")
                .table("carence_cluster_schema_history").load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        StoreTestSupport.dropPostgisSchema(schema);
    }
}
