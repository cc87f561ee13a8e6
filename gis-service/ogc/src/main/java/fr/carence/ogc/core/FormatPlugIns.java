package fr.carence.ogc.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The plug-ins of one kind of output format (WFS feature collections, WMS images, WMS feature
 * info): found with {@link ServiceLoader} (listed in {@code META-INF/services/<interface>}), kept
 * in their {@link FormatPlugIn#order() order}, looked up by any of their names (case, spaces and
 * quotes ignored). What a protocol advertises is exactly {@link #advertised()}.
 */
public final class FormatPlugIns<W extends FormatPlugIn> {

    private final List<W> writers;

    /** @param kind what these formats are, in French, for the error when there is none */
    public FormatPlugIns(List<W> writers, String kind) {
        if (writers.isEmpty()) {
            throw new IllegalStateException("Aucun format " + kind + " : le service ne peut rien écrire.");
        }
        this.writers = writers.stream().sorted(Comparator.comparingInt(FormatPlugIn::order)).toList();
    }

    /** The plug-ins of {@code type} found on the class path. */
    public static <W extends FormatPlugIn> List<W> discover(Class<W> type) {
        List<W> found = new ArrayList<>();
        ServiceLoader.load(type, type.getClassLoader()).forEach(found::add);
        return found;
    }

    public List<W> all() {
        return writers;
    }

    /** The first name of each plug-in, in order. */
    public List<String> advertised() {
        return writers.stream().map(w -> w.formatNames().get(0)).toList();
    }

    public Optional<W> find(String name) {
        String wanted = normalise(name);
        for (W w : writers) {
            for (String n : w.formatNames()) {
                if (normalise(n).equals(wanted)) {
                    return Optional.of(w);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.trim().replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
