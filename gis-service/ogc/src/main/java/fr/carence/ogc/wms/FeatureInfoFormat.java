package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import java.util.List;
import java.util.Locale;

/** GetFeatureInfo INFO_FORMAT values. */
enum FeatureInfoFormat {
    JSON("application/json"),
    HTML("text/html"),
    TEXT("text/plain"),
    GML2("application/vnd.ogc.gml"),
    GML3("application/vnd.ogc.gml/3.1.1");

    static final List<String> MIME_TYPES = List.of("application/json", "text/html", "text/plain",
            "application/vnd.ogc.gml", "application/vnd.ogc.gml/3.1.1");

    private final String mimeType;

    FeatureInfoFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    String mimeType() {
        return mimeType;
    }

    static FeatureInfoFormat parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "application/json", "application/geo+json", "json", "geojson" -> JSON;
            case "text/html" -> HTML;
            case "text/plain" -> TEXT;
            case "application/vnd.ogc.gml", "text/xml", "application/xml", "gml2" -> GML2;
            case "application/vnd.ogc.gml/3.1.1", "text/xml;subtype=gml/3.1.1", "application/gml+xml;version=3.1",
                 "gml3" -> GML3;
            default -> throw OwsException.badRequest(OwsException.INVALID_FORMAT, "INFO_FORMAT",
                    "INFO_FORMAT « " + value + " » non proposé. Formats disponibles : " + MIME_TYPES + ".");
        };
    }
}
