package fr.carence.ogc.format;

import fr.carence.ogc.OwsException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The WFS output formats, looked up by OUTPUTFORMAT (case and spaces ignored). */
public final class OutputFormats {

    private final List<FeatureCollectionWriter> writers;

    public OutputFormats(List<FeatureCollectionWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    /** GML 3.2 (default), GeoJSON, CSV, GeoPackage. */
    public static OutputFormats standard() {
        return new OutputFormats(List.of(new Gml32FeatureCollectionWriter(), new GeoJsonFeatureCollectionWriter(),
                new CsvFeatureCollectionWriter(), new GeoPackageFeatureCollectionWriter()));
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
