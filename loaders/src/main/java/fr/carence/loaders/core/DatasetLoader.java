package fr.carence.loaders.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads one official dataset into the store. Implementations are discovered with
 * {@link java.util.ServiceLoader} (one line per loader in
 * {@code META-INF/services/fr.carence.loaders.core.DatasetLoader}), so adding a loader never
 * touches the CLI or the sample manifest code.
 *
 * <p>Contract: read and validate every input, write through
 * {@link fr.carence.store.FeatureStore#replaceLayer} (via {@link StagedLayers}) and commit only
 * at the very end; any {@link LoadException} leaves every layer exactly as it was.
 */
public interface DatasetLoader {

    /** Key used on the command line and in the sample manifest, e.g. "admin", "communes". */
    String key();

    /** One-line French description shown by {@code carence datasets}. */
    String description();

    /** Layers written by this loader (for {@code carence datasets} and the docs). */
    List<String> layers();

    /** Keys of the datasets that must be loaded before this one (e.g. "admin"). */
    default List<String> dependsOn() {
        return List.of();
    }

    /**
     * Kinds of file this loader reads, so the HTTP upload can refuse any other file before the
     * loader runs. Empty (the default) means the loader is fed by the command line only.
     */
    default Set<InputKind> inputKinds() {
        return Set.of();
    }

    /**
     * Loads the given files.
     *
     * @throws LoadException on any bad input (naming file, line or feature, and field)
     */
    LoadReport load(List<Path> files, LoadContext ctx);
}
