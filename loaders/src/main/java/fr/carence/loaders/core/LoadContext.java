package fr.carence.loaders.core;

import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import java.nio.file.Path;
import java.util.List;
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
    private final String sha256;
    private CommuneCodes communeCodes;

    /**
     * @param operator who runs the load, recorded in the layers' provenance (an administrator's
     *                 login, {@code cli:<system user>}); null when nobody in particular (first start)
     */
    public LoadContext(FeatureStore store, Progress progress, Map<String, String> options, String operator) {
        this(store, progress, options, operator, null);
    }

    private LoadContext(FeatureStore store, Progress progress, Map<String, String> options, String operator, String sha256) {
        this.store = store;
        this.progress = progress;
        this.options = Map.copyOf(options);
        this.operator = operator;
        this.sha256 = sha256;
    }

    /**
     * The same context for a load of these files: the layers it writes record their SHA-256 (one
     * digest, or {@code name=digest} joined by {@code ;} for several files).
     */
    public LoadContext forFiles(List<Path> files) {
        return new LoadContext(store, progress, options, operator, FileDigests.sha256(files));
    }

    public static LoadContext of(FeatureStore store, Progress progress) {
        return new LoadContext(store, progress, Map.of(), null);
    }

    /** The provenance of the layers this load writes, stamped with who runs it and the files' digest. */
    public LayerInfo.Source source(String dataset, String files, String vintage) {
        return new LayerInfo.Source(dataset, files, vintage, operator, sha256);
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
