package fr.carence.loaders.core;

import fr.carence.store.FeatureStore;
import java.util.Map;
import java.util.Optional;

/**
 * What a loader gets besides its files: the store, the commune code normaliser, a progress sink
 * and free-form options (e.g. a column mapping given on the command line).
 *
 * <p>The {@link CommuneCodes} are read from the store on first use, so the "admin" loader (which
 * writes them) does not need them, and every other loader fails with a clear message when the
 * reference data is missing.
 */
public final class LoadContext {

    private final FeatureStore store;
    private final Progress progress;
    private final Map<String, String> options;
    private CommuneCodes communeCodes;

    public LoadContext(FeatureStore store, Progress progress, Map<String, String> options) {
        this.store = store;
        this.progress = progress;
        this.options = Map.copyOf(options);
    }

    public static LoadContext of(FeatureStore store, Progress progress) {
        return new LoadContext(store, progress, Map.of());
    }

    public FeatureStore store() {
        return store;
    }

    public Progress progress() {
        return progress;
    }

    public Map<String, String> options() {
        return options;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The current COG codes and history, loaded from the store once (admin must be loaded). */
    public synchronized CommuneCodes communeCodes() {
        if (communeCodes == null) {
            communeCodes = CommuneCodes.fromStore(store);
        }
        return communeCodes;
    }
}
