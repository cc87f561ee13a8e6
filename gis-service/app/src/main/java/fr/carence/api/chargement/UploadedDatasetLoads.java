package fr.carence.api.chargement;

import fr.carence.cluster.LoadLock;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.store.FeatureStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a dataset loader on uploaded files, one load at a time ({@link LoadLock}: also across instances), with the same {@link LoadContext}
 * as the command line ({@code carence load}). Loaders publish all their layers in one commit, so
 * a refused upload or a failing load leaves the store as it was; the staged files are deleted
 * in every case.
 */
public class UploadedDatasetLoads {
    private static final Logger LOG = LoggerFactory.getLogger(UploadedDatasetLoads.class);

    private final FeatureStore store;
    private final UploadStager stager;
    private final Map<String, DatasetLoader> loaders = DatasetLoaders.all();
    private final LoadLock lock;

    /** @param lock serialises loads (with the first start's sample load, and other instances') */
    public UploadedDatasetLoads(FeatureStore store, ChargementProperties limits, LoadLock lock) {
        this.store = store;
        this.stager = new UploadStager(limits);
        this.lock = lock;
    }

    /** The loaders that accept uploads (those declaring the kinds of file they read), by key. */
    public Map<String, DatasetLoader> loaders() {
        Map<String, DatasetLoader> uploadable = new TreeMap<>(loaders);
        uploadable.values().removeIf(l -> l.inputKinds().isEmpty());
        return uploadable;
    }

    /**
     * @throws UnknownDatasetException  no such dataset (or not loadable by upload)
     * @throws LoadBusyException        another load is running
     * @throws UploadRejectedException  a file is refused before loading
     * @throws fr.carence.loaders.core.LoadException the loader refused the data (store unchanged)
     */
    LoadReport load(String key, List<? extends UploadPart> parts, Map<String, String> options, String operator) {
        DatasetLoader loader = loaders().get(key);
        if (loader == null) {
            throw new UnknownDatasetException(key, loaders().keySet());
        }
        Optional<LoadLock.Held> held = lock.tryAcquire(key);
        if (held.isEmpty()) {
            throw new LoadBusyException(lock.running());
        }
        try (LoadLock.Held ignored = held.get()) {
            try (StagedUpload staged = stager.stage(loader, parts)) {
                LOG.info("Chargement par téléversement du jeu « {} » : {}", key,
                        staged.loaderFiles().stream().map(p -> p.getFileName().toString()).toList());
                LoadReport report = loader.load(staged.loaderFiles(), new LoadContext(store, Progress.silent(), options, operator)
                        .forFiles(staged.loaderFiles()));
                LOG.info("{}", report.summary());
                return report;
            }
        }
    }
}
