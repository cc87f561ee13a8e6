package fr.carence.loaders.cli;

import fr.carence.store.FeatureStore;

/** Opens the real H2GIS or PostGIS store through the store module. */
final class JdbcStoreOpener implements StoreOpener {

    @Override
    public FeatureStore open(StoreSettings settings) {
        throw new UnsupportedOperationException("waiting for FeatureStores.open on branch store");
    }
}
