package fr.carence.ogc.format;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.FormatPlugIns;
import java.util.List;
import java.util.Optional;

/**
 * The WFS output formats, looked up by OUTPUTFORMAT (case, spaces and quotes ignored). The formats are the
 * {@link FeatureCollectionWriter} plug-ins found on the class path; the capabilities advertise
 * exactly those, in their {@link FeatureCollectionWriter#order() order}.
 */
public final class OutputFormats {

    private final FormatPlugIns<FeatureCollectionWriter> writers;

    public OutputFormats(List<FeatureCollectionWriter> writers) {
        this.writers = new FormatPlugIns<>(writers, "de sortie WFS");
    }

    /**
     * The formats discovered on the class path (Carence ships GML 3.2, the default, GeoJSON, CSV and
     * GeoPackage).
     */
    public static OutputFormats standard() {
        return new OutputFormats(FormatPlugIns.discover(FeatureCollectionWriter.class));
    }

    public List<FeatureCollectionWriter> all() {
        return writers.all();
    }

    /** The writer for an OUTPUTFORMAT value; GML 3.2 when absent. */
    public FeatureCollectionWriter forName(Optional<String> name) {
        if (name.isEmpty()) {
            return writers.all().get(0);
        }
        return writers.find(name.get()).orElseThrow(() -> OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE,
                "outputFormat", "Format de sortie non pris en charge : « " + name.get() + " ». Formats disponibles : "
                        + advertised()));
    }

    public List<String> advertised() {
        return writers.advertised();
    }
}
