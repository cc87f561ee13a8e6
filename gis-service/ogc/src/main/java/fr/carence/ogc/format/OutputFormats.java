package fr.carence.ogc.format;

import fr.carence.ogc.OwsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The WFS output formats, looked up by OUTPUTFORMAT (case and spaces ignored). The formats are the
 * {@link FeatureCollectionWriter} plug-ins found on the class path; the capabilities advertise
 * exactly those, in their {@link FeatureCollectionWriter#order() order}.
 */
public final class OutputFormats {

    private final List<FeatureCollectionWriter> writers;

    public OutputFormats(List<FeatureCollectionWriter> writers) {
        if (writers.isEmpty()) {
            throw new IllegalStateException("Aucun format de sortie WFS : le service ne peut rien écrire.");
        }
        this.writers = writers.stream().sorted(Comparator.comparingInt(FeatureCollectionWriter::order)).toList();
    }

    /**
     * The formats discovered on the class path (Carence ships GML 3.2, the default, GeoJSON, CSV and
     * GeoPackage).
     */
    public static OutputFormats standard() {
        List<FeatureCollectionWriter> found = new ArrayList<>();
        ServiceLoader.load(FeatureCollectionWriter.class, OutputFormats.class.getClassLoader()).forEach(found::add);
        return new OutputFormats(found);
    }

    public List<FeatureCollectionWriter> all() {
        return writers;
    }

    /** The writer for an OUTPUTFORMAT value; GML 3.2 when absent. */
    public FeatureCollectionWriter forName(Optional<String> name) {
        if (name.isEmpty()) {
            return writers.get(0);
        }
        String wanted = normalise(name.get());
        for (FeatureCollectionWriter w : writers) {
            for (String n : w.formatNames()) {
                if (normalise(n).equals(wanted)) {
                    return w;
                }
            }
        }
        throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "outputFormat",
                "Format de sortie non pris en charge : « " + name.get() + " ». Formats disponibles : " + advertised());
    }

    public List<String> advertised() {
        return writers.stream().map(w -> w.formatNames().get(0)).toList();
    }

    private static String normalise(String s) {
        return s.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
