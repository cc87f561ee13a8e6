package fr.carence.loaders.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load did, for the CLI summary, the logs and the tests. Nothing is dropped silently:
 * unknown codes, repaired or rejected geometries and duplicates are all listed here.
 * Not thread-safe (one loader fills it).
 */
public final class LoadReport {

    private static final int LISTED = 20;

    private final String dataset;
    private long rowsRead;
    private final Map<String, Long> featuresWritten = new LinkedHashMap<>();
    private final Map<String, Long> unknownCodes = new TreeMap<>();
    private final List<String> repairedGeometries = new ArrayList<>();
    private final List<String> rejectedGeometries = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public LoadReport(String dataset) {
        this.dataset = dataset;
    }

    public String dataset() {
        return dataset;
    }

    public void addRowsRead(long n) {
        rowsRead += n;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public void setFeaturesWritten(String layer, long n) {
        featuresWritten.put(layer, n);
    }

    /** Features committed per layer, in write order. */
    public Map<String, Long> featuresWritten() {
        return Collections.unmodifiableMap(featuresWritten);
    }

    public long featuresWritten(String layer) {
        return featuresWritten.getOrDefault(layer, 0L);
    }

    /** Counts one occurrence of a code that is neither current nor in the history table. */
    public void unknownCode(String code) {
        unknownCodes.merge(code, 1L, Long::sum);
    }

    /** Unknown codes with their number of occurrences, sorted by code. */
    public Map<String, Long> unknownCodes() {
        return Collections.unmodifiableMap(unknownCodes);
    }

    public void repairedGeometry(String id) {
        repairedGeometries.add(id);
    }

    public List<String> repairedGeometries() {
        return Collections.unmodifiableList(repairedGeometries);
    }

    /** A geometry left out, with its id and the reason. */
    public void rejectedGeometry(String id, String reason) {
        rejectedGeometries.add(id + " (" + reason + ")");
    }

    public List<String> rejectedGeometries() {
        return Collections.unmodifiableList(rejectedGeometries);
    }

    public void duplicate(String description) {
        duplicates.add(description);
    }

    public List<String> duplicates() {
        return Collections.unmodifiableList(duplicates);
    }

    public void warning(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Multi-line French summary for the terminal and the logs (long lists are shortened). */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Jeu « ").append(dataset).append(" » : ").append(rowsRead).append(" lignes/entités lues\n");
        featuresWritten.forEach((layer, n) -> sb.append("  couche ").append(layer).append(" : ").append(n).append(" entités\n"));
        if (!unknownCodes.isEmpty()) {
            long occurrences = unknownCodes.values().stream().mapToLong(Long::longValue).sum();
            sb.append("  codes commune inconnus : ").append(unknownCodes.size()).append(" codes, ")
                    .append(occurrences).append(" occurrences : ").append(shorten(List.copyOf(unknownCodes.keySet()))).append('\n');
        }
        appendList(sb, "géométries réparées", repairedGeometries);
        appendList(sb, "géométries rejetées", rejectedGeometries);
        appendList(sb, "doublons", duplicates);
        warnings.forEach(w -> sb.append("  avertissement : ").append(w).append('\n'));
        return sb.toString();
    }

    private static void appendList(StringBuilder sb, String title, List<String> items) {
        if (!items.isEmpty()) {
            sb.append("  ").append(title).append(" (").append(items.size()).append(") : ").append(shorten(items)).append('\n');
        }
    }

    private static String shorten(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + ", … (+" + (items.size() - LISTED) + ")";
    }
}
