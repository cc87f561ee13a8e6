package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;

/**
 * A CRS as named in a WMS 1.3.0 request, with the axis order that spelling implies.
 * WMS 1.3.0 §6.7.3: coordinates follow the CRS definition, so EPSG:4326 (in any EPSG spelling)
 * is latitude first, while CRS:84 is longitude first; the projected CRSs served here are all
 * easting first.
 *
 * @param name the spelling to echo in documents (e.g. "EPSG:4326", "CRS:84")
 * @param epsg EPSG code used for transformations (4326 for CRS:84)
 * @param latitudeFirst true when the first BBOX axis is latitude
 * @param geographic true when units are degrees
 */
public record WmsCrs(String name, int epsg, boolean latitudeFirst, boolean geographic) {

    /** CRS:84: WGS 84 with longitude first. */
    public static final WmsCrs CRS84 = new WmsCrs("CRS:84", 4326, false, true);

    private static final Pattern EPSG_SHORT = Pattern.compile("EPSG:(\\d+)");
    private static final Pattern EPSG_URN = Pattern.compile("URN:OGC:DEF:CRS:EPSG:[^:]*:(\\d+)");
    private static final Pattern EPSG_HTTP = Pattern.compile("HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[^/]+/(\\d+)");
    private static final Pattern CRS84_SPELLINGS = Pattern.compile(
            "CRS:84|OGC:CRS84|URN:OGC:DEF:CRS:OGC:[^:]*:CRS84|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[^/]+/CRS84");

    /**
     * Parses a CRS parameter; the code must be one of {@code supportedEpsg}, else InvalidCRS.
     *
     * @param parameter the parameter name for the exception locator ("CRS")
     */
    public static WmsCrs parse(String value, java.util.Collection<Integer> supportedEpsg, String parameter) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (CRS84_SPELLINGS.matcher(v).matches()) {
            return CRS84;
        }
        Integer code = null;
        for (Pattern p : new Pattern[] {EPSG_SHORT, EPSG_URN, EPSG_HTTP}) {
            Matcher m = p.matcher(v);
            if (m.matches()) {
                code = Integer.parseInt(m.group(1));
                break;
            }
        }
        if (code == null || !supportedEpsg.contains(code)) {
            throw OwsException.badRequest(OwsException.INVALID_CRS, parameter,
                    "Le système de coordonnées « " + value + " » n'est pas proposé. Systèmes disponibles : "
                            + supportedNames(supportedEpsg) + ".");
        }
        boolean geographic = isGeographic(code);
        return new WmsCrs("EPSG:" + code, code, geographic, geographic);
    }

    /** The EPSG codes served whose units are degrees (latitude-first in their EPSG definition). */
    static boolean isGeographic(int epsg) {
        return epsg == 4326 || epsg == 4171 || epsg == 4258 || epsg == 4230 || epsg == 4275;
    }

    static String supportedNames(java.util.Collection<Integer> supportedEpsg) {
        StringBuilder sb = new StringBuilder();
        for (Integer c : supportedEpsg) {
            sb.append(sb.length() == 0 ? "" : ", ").append("EPSG:").append(c);
        }
        return sb.append(", CRS:84").toString();
    }

    /** BBOX values in request axis order to an envelope with x = easting/longitude. */
    public Envelope toEnvelope(double a1, double b1, double a2, double b2) {
        return latitudeFirst ? new Envelope(b1, b2, a1, a2) : new Envelope(a1, a2, b1, b2);
    }

    /** An x/y envelope as {minA, minB, maxA, maxB} in this CRS's axis order (capabilities BoundingBox). */
    public double[] toAxisOrder(Envelope e) {
        return latitudeFirst
                ? new double[] {e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()}
                : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
}
