package fr.carence.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Which database {@link FeatureStores#open} opens.
 *
 * @param kind H2GIS (embedded file database) or POSTGIS
 * @param dataDirectory H2GIS only: directory holding the database file {@code carence.mv.db}
 * @param jdbcUrl PostGIS only: {@code jdbc:postgresql://host:port/db} (may carry {@code currentSchema})
 * @param user PostGIS user
 * @param password PostGIS password
 * @param maxPoolSize maximum pooled connections
 * @param h2AutoServer H2GIS only: let other processes (e.g. the loader CLI while the server runs)
 *                     open the same file through H2's AUTO_SERVER mode
 * @param stagingGracePeriod age after which another process's unfinished staging table is
 *                           considered abandoned and dropped at start-up (shared databases only)
 * @param connectionTimeout how long to wait for a connection before reporting the database unavailable
 * @param retention how long loaded layers' earlier versions are kept ({@link VersionRetention})
 */
public record StoreConfig(Kind kind, Path dataDirectory, String jdbcUrl, String user, String password,
                          int maxPoolSize, boolean h2AutoServer, Duration stagingGracePeriod,
                          Duration connectionTimeout, VersionRetention retention) {

    public enum Kind { H2GIS, POSTGIS }

    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.H2GIS) {
            Objects.requireNonNull(dataDirectory, "dataDirectory (H2GIS)");
        } else {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl (PostGIS)");
        }
        Objects.requireNonNull(retention, "retention");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be >= 1");
        }
    }

    public static StoreConfig h2gis(Path dataDirectory) {
        // Writers hold a connection each until commit (a scenario run keeps four open), plus readers.
        return new StoreConfig(Kind.H2GIS, dataDirectory, null, null, null, 10, false,
                Duration.ofHours(1), Duration.ofSeconds(10), VersionRetention.DEFAULT);
    }

    public static StoreConfig postgis(String jdbcUrl, String user, String password) {
        return new StoreConfig(Kind.POSTGIS, null, jdbcUrl, user, password, 10, false,
                Duration.ofHours(1), Duration.ofSeconds(5), VersionRetention.DEFAULT);
    }

    public StoreConfig withMaxPoolSize(int size) {
        return new StoreConfig(kind, dataDirectory, jdbcUrl, user, password, size, h2AutoServer, stagingGracePeriod, connectionTimeout, retention);
    }

    public StoreConfig withH2AutoServer(boolean autoServer) {
        return new StoreConfig(kind, dataDirectory, jdbcUrl, user, password, maxPoolSize, autoServer, stagingGracePeriod, connectionTimeout, retention);
    }

    public StoreConfig withStagingGracePeriod(Duration grace) {
        return new StoreConfig(kind, dataDirectory, jdbcUrl, user, password, maxPoolSize, h2AutoServer, grace, connectionTimeout, retention);
    }

    public StoreConfig withConnectionTimeout(Duration timeout) {
        return new StoreConfig(kind, dataDirectory, jdbcUrl, user, password, maxPoolSize, h2AutoServer, stagingGracePeriod, timeout, retention);
    }

    public StoreConfig withRetention(VersionRetention r) {
        return new StoreConfig(kind, dataDirectory, jdbcUrl, user, password, maxPoolSize, h2AutoServer, stagingGracePeriod,
                connectionTimeout, r);
    }

    /** The database file prefix: {@code <dataDirectory>/carence}. */
    public Path h2DatabasePath() {
        return dataDirectory.resolve("carence").toAbsolutePath();
    }

    /** For logs and error messages: never includes the password. */
    public String describe() {
        return kind == Kind.H2GIS ? "h2gis " + h2DatabasePath() : "postgis " + jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + describe() + "]";
    }
}
