package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.FormatPlugIns;
import java.util.List;

/**
 * The image formats, looked up by FORMAT (case, spaces and quotes ignored): the {@link MapImageWriter}
 * plug-ins found on the class path, in their {@link MapImageWriter#order() order}; the
 * capabilities advertise exactly those.
 */
public final class MapImageFormats {

    private final FormatPlugIns<MapImageWriter> writers;

    public MapImageFormats(List<MapImageWriter> writers) {
        this.writers = new FormatPlugIns<>(writers, "d'image WMS");
    }

    /** The formats discovered on the class path (Carence ships PNG, 8-bit PNG and JPEG). */
    public static MapImageFormats standard() {
        return new MapImageFormats(FormatPlugIns.discover(MapImageWriter.class));
    }

    public List<MapImageWriter> all() {
        return writers.all();
    }

    /** GetMap formats, as advertised. */
    public List<String> advertised() {
        return writers.advertised();
    }

    /** GetLegendGraphic formats, as advertised. */
    public List<String> advertisedForLegends() {
        return writers.all().stream().filter(MapImageWriter::advertisedForLegends).map(w -> w.formatNames().get(0)).toList();
    }

    /** The writer for a FORMAT value; unknown formats are InvalidFormat (WMS 1.3.0 Annex E). */
    public MapImageWriter parse(String value, String parameter) {
        return writers.find(value).orElseThrow(() -> OwsException.badRequest(OwsException.INVALID_FORMAT, parameter,
                "Le format « " + value + " » n'est pas proposé. Formats disponibles : " + advertised() + "."));
    }
}
