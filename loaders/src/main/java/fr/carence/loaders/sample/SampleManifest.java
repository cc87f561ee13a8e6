package fr.carence.loaders.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ordered list of datasets of a committed sample, read from a {@code manifest.txt} resource:
 * one line per dataset, "{@code <key> <resource>...}", '#' comments. Adding a dataset to the
 * sample is adding its files and one line, with no code change.
 */
public record SampleManifest(String directory, List<Entry> entries) {

    /** One dataset to load and its resource file names (relative to the manifest's directory). */
    public record Entry(String dataset, List<String> resources) {
    }

    /** Reads {@code <directory>/manifest.txt} from the classpath ({@code directory} like "/fr/carence/…/occitanie"). */
    public static SampleManifest read(String directory) {
        String path = directory + "/manifest.txt";
        try (InputStream in = SampleManifest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("sample manifest " + path + " missing from the classpath");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] parts = s.split("\\s+");
                if (parts.length < 2) {
                    throw new IllegalStateException(path + ": dataset '" + parts[0] + "' lists no file");
                }
                entries.add(new Entry(parts[0], List.copyOf(Arrays.asList(parts).subList(1, parts.length))));
            }
            return new SampleManifest(directory, List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads every dataset in order, each file given by {@code file} from its manifest name; a fresh
     * context per dataset, because CommuneCodes must be re-read after "admin" committed.
     *
     * @return one report per dataset, in load order
     */
    public List<fr.carence.loaders.core.LoadReport> loadInto(fr.carence.store.FeatureStore store,
                                                             fr.carence.loaders.core.Progress progress,
                                                             java.util.function.Function<String, java.nio.file.Path> file) {
        List<fr.carence.loaders.core.LoadReport> reports = new ArrayList<>();
        for (Entry entry : entries) {
            List<java.nio.file.Path> files = entry.resources().stream().map(file).toList();
            reports.add(fr.carence.loaders.core.DatasetLoaders.require(entry.dataset()).load(files,
                    fr.carence.loaders.core.LoadContext.of(store, progress).forFiles(files)));
        }
        return reports;
    }
}
