package fr.carence.loaders.cli;

import fr.carence.store.FeatureStore;
import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.jdbc.VersionRetention;

/**
 * Opens the real H2GIS or PostGIS store. H2GIS is opened in AUTO_SERVER mode so the CLI can load
 * into the data directory of a running Carence server.
 */
final class JdbcStoreOpener implements StoreOpener {

    @Override
    public FeatureStore open(StoreSettings s) {
        StoreConfig config = s.kind().equals("postgis")
                ? StoreConfig.postgis(s.jdbcUrl(), s.user(), s.password())
                : StoreConfig.h2gis(s.dataDir()).withH2AutoServer(true);
        return FeatureStores.open(config.withRetention(VersionRetention.of(s.retainedVersions(), s.retainedDays())));
    }
}
