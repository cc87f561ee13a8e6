package fr.carence.ogc.wms;

import fr.carence.ogc.OwsRequest;
import java.util.Locale;

/** WMS 1.3.0 EXCEPTIONS values (and the WMS 1.1.1 MIME spellings some clients still send). */
enum ExceptionMode {
    XML, INIMAGE, BLANK;

    static ExceptionMode of(OwsRequest request) {
        String v = request.get("EXCEPTIONS").orElse("XML").trim().toLowerCase(Locale.ROOT);
        if (v.equals("inimage") || v.equals("application/vnd.ogc.se_inimage")) {
            return INIMAGE;
        }
        if (v.equals("blank") || v.equals("application/vnd.ogc.se_blank")) {
            return BLANK;
        }
        return XML; // includes "XML", "text/xml", "application/vnd.ogc.se_xml" and anything unknown
    }
}
