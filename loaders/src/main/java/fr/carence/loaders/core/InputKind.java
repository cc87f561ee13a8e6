package fr.carence.loaders.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of input file a loader reads, by file name extension (optionally followed by ".gz",
 * which every loader decompresses transparently). Loaders declare theirs in
 * {@link DatasetLoader#inputKinds()} so that callers other than the CLI (the HTTP upload) can
 * refuse a file before the loader sees it.
 */
public enum InputKind {
    /** Delimited text (INSEE, ARCEP, ANCT tables; venues with lon/lat). */
    CSV("CSV (texte délimité)", List.of(".csv")),
    /** JSON arrays (COG reference) and GeoJSON feature collections. */
    JSON("JSON ou GeoJSON", List.of(".json", ".geojson")),
    /** ESRI Shapefile: the .shp is the file read, the others must sit beside it. */
    SHAPEFILE("Shapefile (.shp avec .shx, .dbf, .prj, .cpg)", List.of(".shp", ".shx", ".dbf", ".prj", ".cpg"));

    private final String label;
    private final List<String> extensions;

    InputKind(String label, List<String> extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    /** French label for listings and error messages. */
    public String label() {
        return label;
    }

    /** Lower-case extensions with their dot; the first one is the file the loader is given. */
    public List<String> extensions() {
        return extensions;
    }

    /** The lower-case extension of a file name, ignoring a trailing ".gz" (".csv" for "a.CSV.gz"). */
    public static String extensionOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot);
    }

    /** The kind a file name belongs to, from its extension. */
    public static Optional<InputKind> of(String fileName) {
        String ext = extensionOf(fileName);
        for (InputKind k : values()) {
            if (k.extensions.contains(ext)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * True for the files a loader is handed (.csv, .json, .geojson, .shp), false for the
     * companions of a Shapefile that its reader finds beside the .shp, and for unknown names.
     */
    public static boolean isPrimary(String fileName) {
        Optional<InputKind> kind = of(fileName);
        return kind.isPresent() && (kind.get() != SHAPEFILE || extensionOf(fileName).equals(".shp"));
    }
}
