package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.FormatPlugIns;
import java.util.List;

/**
 * The GetFeatureInfo formats, looked up by INFO_FORMAT (case, spaces and quotes ignored): the
 * {@link FeatureInfoWriter} plug-ins found on the class path, in their
 * {@link FeatureInfoWriter#order() order}; the capabilities advertise exactly those.
 */
public final class FeatureInfoFormats {

    private final FormatPlugIns<FeatureInfoWriter> writers;

    public FeatureInfoFormats(List<FeatureInfoWriter> writers) {
        this.writers = new FormatPlugIns<>(writers, "GetFeatureInfo");
    }

    /** The formats discovered on the class path (Carence ships GeoJSON, HTML, text, GML 2 and GML 3.1.1). */
    public static FeatureInfoFormats standard() {
        return new FeatureInfoFormats(FormatPlugIns.discover(FeatureInfoWriter.class));
    }

    public List<FeatureInfoWriter> all() {
        return writers.all();
    }

    public List<String> advertised() {
        return writers.advertised();
    }

    /** The writer for an INFO_FORMAT value; unknown formats are InvalidFormat. */
    public FeatureInfoWriter parse(String value) {
        return writers.find(value).orElseThrow(() -> OwsException.badRequest(OwsException.INVALID_FORMAT, "INFO_FORMAT",
                "INFO_FORMAT « " + value + " » non proposé. Formats disponibles : " + advertised() + "."));
    }
}
