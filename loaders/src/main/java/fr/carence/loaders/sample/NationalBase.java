package fr.carence.loaders.sample;

import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.store.FeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The national base: every layer that exists nationally in a data directory laid out like
 * {@code shared/data} (see {@code national/manifest.txt}), loaded with the same loaders and in the
 * same manifest format as the Occitanie sample. Every file is checked to exist before the first
 * load, so a wrong directory changes nothing.
 */
public final class NationalBase {

    public static final String DIRECTORY = "/fr/carence/loaders/national";

    private NationalBase() {
    }

    public static SampleManifest manifest() {
        return SampleManifest.read(DIRECTORY);
    }

    /** @return one report per dataset, in load order */
    public static List<LoadReport> loadInto(FeatureStore store, Path dataDir, Progress progress) {
        SampleManifest manifest = manifest();
        List<String> missing = new ArrayList<>();
        for (SampleManifest.Entry e : manifest.entries()) {
            e.resources().stream().filter(r -> !Files.isRegularFile(dataDir.resolve(r))).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw LoadException.prerequisite("base nationale : fichiers absents de " + dataDir + " : " + String.join(", ", missing));
        }
        return manifest.loadInto(store, progress, dataDir::resolve);
    }
}
