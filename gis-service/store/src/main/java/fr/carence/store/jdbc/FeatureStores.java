package fr.carence.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.carence.store.FeatureStore;
import fr.carence.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;

/** Opens the configured store: pooled connections, migrations, start-up clean-up. */
public final class FeatureStores {

    /** Upper bound on a PostgreSQL socket read, so a vanished server cannot hang a request forever. */
    private static final int POSTGRES_SOCKET_TIMEOUT_SECONDS = 600;

    private FeatureStores() {
    }

    public static FeatureStore open(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("carence-" + config.kind().name().toLowerCase());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(2000, config.connectionTimeout().toMillis()));
        hikari.setInitializationFailTimeout(config.connectionTimeout().toMillis());
        SqlDialect dialect;
        if (config.kind() == StoreConfig.Kind.H2GIS) {
            try {
                Files.createDirectories(config.dataDirectory());
            } catch (IOException e) {
                throw new StoreException("cannot create the H2GIS data directory " + config.dataDirectory(), e);
            }
            hikari.setJdbcUrl("jdbc:h2:file:" + config.h2DatabasePath() + ";LOCK_TIMEOUT=10000"
                    + (config.h2AutoServer() ? ";AUTO_SERVER=TRUE" : ""));
            hikari.setUsername("sa");
            hikari.setPassword("");
            dialect = new H2gisDialect(!config.h2AutoServer());
        } else {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
            hikari.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, config.connectionTimeout().toSeconds())));
            hikari.addDataSourceProperty("socketTimeout", String.valueOf(POSTGRES_SOCKET_TIMEOUT_SECONDS));
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
            dialect = new PostgisDialect();
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the " + config.describe() + " store: " + rootMessage(e), e);
        }
        try {
            return new JdbcFeatureStore(dataSource, dialect, config.stagingGracePeriod(), config.retention());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
