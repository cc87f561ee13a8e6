package fr.carence.loaders.core;

import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
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
    private final String operator;
    private CommuneCodes communeCodes;

    /**
     * @param operator who runs the load, recorded in the layers' provenance (an administrator's
     *                 login, {@code cli:<system user>}); null when nobody in particular (first start)
     */
    public LoadContext(FeatureStore store, Progress progress, Map<String, String> options, String operator) {
        this.store = store;
        this.progress = progress;
        this.options = Map.copyOf(options);
        this.operator = operator;
    }

    public static LoadContext of(FeatureStore store, Progress progress) {
        return new LoadContext(store, progress, Map.of(), null);
    }

    /** The provenance of the layers this load writes, stamped with who runs it. */
    public LayerInfo.Source source(String dataset, String files, String vintage) {
        return new LayerInfo.Source(dataset, files, vintage, operator);
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
