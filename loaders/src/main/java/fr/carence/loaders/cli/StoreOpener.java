package fr.carence.loaders.cli;

import fr.carence.store.FeatureStore;

/** Opens the store the CLI writes to (the real stores in production, an in-memory one in tests). */
@FunctionalInterface
public interface StoreOpener {
    FeatureStore open(StoreSettings settings);
}
