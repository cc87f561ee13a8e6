package fr.carence.loaders.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.carence.loaders.admin.AdminLoader;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Shared helpers of the data loaders' tests (flux, thd, fragilite, lieux): the real COG reference
 * loaded with the real "admin" loader, layer snapshots, and the "one clear error, store
 * unchanged" assertion.
 */
public final class LoaderAssertions {

    private LoaderAssertions() {
    }

    /** Loads the real COG 2026 reference (communes and code history) into the store. */
    public static void loadReference(FeatureStore store) {
        if (store.schema("communes_insee").isEmpty()) {
            new AdminLoader().load(List.of(TestFiles.sharedData("communes-population/communes.json.gz")), context(store));
        }
    }

    public static LoadContext context(FeatureStore store) {
        return LoadContext.of(store, Progress.silent());
    }

    public static LoadContext context(FeatureStore store, Map<String, String> options) {
        return new LoadContext(store, Progress.silent(), options, null);
    }

    /** Every feature of a layer by id, sorted. */
    public static java.util.Map<String, Feature> features(FeatureStore store, String layer) {
        java.util.Map<String, Feature> out = new java.util.TreeMap<>();
        try (FeatureCursor c = store.query(layer, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put(f.id(), f);
            }
        }
        return out;
    }

    /** Every feature of a layer as text (id, properties, geometry WKT), sorted by id; empty when absent. */
    public static List<String> snapshot(FeatureStore store, String layer) {
        List<String> out = new ArrayList<>();
        if (store.schema(layer).isEmpty()) {
            return out;
        }
        try (FeatureCursor c = store.query(layer, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.add(f.id() + " " + f.properties() + " " + (f.geometry() == null ? "" : f.geometry().toText()));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Asserts that loading the file fails with one LoadException whose message names the file and
     * contains every fragment (the line or feature, the field), and that the layer is unchanged.
     */
    public static LoadException assertRejected(DatasetLoader loader, List<Path> files, FeatureStore store,
                                               Map<String, String> options, String layer, String... fragments) {
        List<String> before = snapshot(store, layer);
        LoadException e = catchThrowableOfType(LoadException.class, () -> loader.load(files, context(store, options)));
        assertThat(e).as("a LoadException for %s", files).isNotNull();
        assertThat(e.file()).as("the file named by: %s", e.getMessage())
                .isIn(files.stream().map(p -> p.getFileName().toString()).toList());
        assertThat(e.getMessage()).startsWith(e.file());
        assertThat(e.getMessage()).contains(fragments);
        assertThat(snapshot(store, layer)).as("layer %s unchanged after the failed load", layer).isEqualTo(before);
        return e;
    }

    /** A copy of a text file in {@code dir}, under a new name, with its content transformed. */
    public static Path variant(Path source, Path dir, String name, UnaryOperator<String> edit) {
        return variant(source, dir, name, edit, Charset.forName("UTF-8"));
    }

    public static Path variant(Path source, Path dir, String name, UnaryOperator<String> edit, Charset out) {
        try {
            String text = Files.readString(source, Charset.forName("UTF-8"));
            Path target = dir.resolve(name);
            Files.writeString(target, edit.apply(text), out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
