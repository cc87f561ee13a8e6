package fr.carence.loaders.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** Streams the features of a vector file, choosing the reader from the file name. */
public final class VectorFiles {

    private VectorFiles() {
    }

    /** True for the names {@link #forEach} reads: .shp, .geojson, .json (optionally .gz). */
    public static boolean isVectorFile(Path path) {
        String n = lowerName(path);
        return n.endsWith(".shp") || n.endsWith(".geojson") || n.endsWith(".json");
    }

    /** @return number of features read */
    public static long forEach(Path path, Progress progress, Consumer<VectorFeature> consumer) {
        String n = lowerName(path);
        if (n.endsWith(".shp")) {
            return ShapefileReader.forEach(path, progress, consumer);
        }
        if (n.endsWith(".geojson") || n.endsWith(".json")) {
            return GeoJsonReader.forEach(path, progress, consumer::accept);
        }
        throw LoadException.inFile(InputFile.displayName(path), "format non reconnu (attendu .shp, .geojson ou .geojson.gz)");
    }

    private static String lowerName(Path path) {
        return InputFile.displayName(path).toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    }
}
