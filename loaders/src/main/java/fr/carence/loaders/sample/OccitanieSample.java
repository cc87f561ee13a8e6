package fr.carence.loaders.sample;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.store.FeatureStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Occitanie sample committed under {@code fr/carence/loaders/sample/occitanie}: the
 * application loads it on first start so the map is never empty. Datasets come from the
 * manifest, in its order (reference data first).
 */
public final class OccitanieSample {

    public static final String DIRECTORY = "/fr/carence/loaders/sample/occitanie";

    private OccitanieSample() {
    }

    public static SampleManifest manifest() {
        return SampleManifest.read(DIRECTORY);
    }

    /**
     * Loads every dataset of the sample; resources are copied to a temporary directory (loaders
     * read files) that is deleted afterwards.
     *
     * @return one report per dataset, in load order
     */
    public static List<LoadReport> loadInto(FeatureStore store, Progress progress) {
        SampleManifest manifest = manifest();
        Path dir;
        try {
            dir = Files.createTempDirectory("carence-sample-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return manifest.loadInto(store, progress, resource -> copy(manifest.directory() + "/" + resource,
                    dir.resolve(resource)));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static Path copy(String resource, Path target) {
        try (InputStream in = OccitanieSample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample resource " + resource + " missing from the classpath");
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; the load result matters more
        }
    }
}
