package fr.carence.app;

import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.jdbc.VersionRetention;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carence.store.*}: which store the service uses. Credentials come from the environment
 * (CARENCE_JDBC_URL, CARENCE_DB_USER, CARENCE_DB_PASSWORD), never from committed files.
 * {@code retained-versions} and {@code retained-days} (env CARENCE_RETAINED_VERSIONS,
 * CARENCE_RETAINED_DAYS, read by {@code carence load} too) set how long loaded layers' earlier
 * versions are kept when no saved scenario read them ({@link VersionRetention}, default 3 and 30).
 */
@ConfigurationProperties("carence.store")
public record StoreProperties(String kind, Path dataDir, String jdbcUrl, String user, String password,
                              Integer retainedVersions, Integer retainedDays) {

    public StoreConfig toConfig() {
        return baseConfig().withRetention(VersionRetention.of(
                retainedVersions == null ? VersionRetention.DEFAULT.versions() : retainedVersions,
                retainedDays == null ? (int) VersionRetention.DEFAULT.afterReplacement().toDays() : retainedDays));
    }

    private StoreConfig baseConfig() {
        String k = kind == null || kind.isBlank() ? "h2gis" : kind.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (k) {
            // AUTO_SERVER lets the loader CLI write to the same file while the service runs.
            case "h2gis" -> StoreConfig.h2gis(dataDir == null ? Path.of("data") : dataDir).withH2AutoServer(true);
            case "postgis" -> {
                if (jdbcUrl == null || jdbcUrl.isBlank()) {
                    throw new IllegalStateException("carence.store.kind=postgis needs carence.store.jdbc-url (env CARENCE_JDBC_URL)");
                }
                yield StoreConfig.postgis(jdbcUrl, user, password);
            }
            default -> throw new IllegalStateException("carence.store.kind must be 'h2gis' or 'postgis', got '" + kind + "'");
        };
    }
}
