package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.CrsNameParser;
import java.util.Locale;
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

    /**
     * Parses a CRS parameter; the code must be one of {@code supportedEpsg}, else InvalidCRS.
     * Spellings are recognised by the shared {@link CrsNameParser}; the axis order is then WMS
     * 1.3.0's, not the WFS legacy one: every EPSG spelling of a geographic CRS is latitude first.
     *
     * @param parameter the parameter name for the exception locator ("CRS")
     */
    public static WmsCrs parse(String value, java.util.Collection<Integer> supportedEpsg, String parameter) {
        CrsName name;
        try {
            name = CrsNameParser.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(value, supportedEpsg, parameter);
        }
        if (value.trim().toUpperCase(Locale.ROOT).matches(".*CRS:?84")) {
            return CRS84;
        }
        if (!supportedEpsg.contains(name.epsg())) {
            throw invalid(value, supportedEpsg, parameter);
        }
        boolean geographic = isGeographic(name.epsg());
        return new WmsCrs("EPSG:" + name.epsg(), name.epsg(), geographic, geographic);
    }

    private static OwsException invalid(String value, java.util.Collection<Integer> supportedEpsg, String parameter) {
        return OwsException.badRequest(OwsException.INVALID_CRS, parameter,
                "Le système de coordonnées « " + value + " » n'est pas proposé. Systèmes disponibles : "
                        + supportedNames(supportedEpsg) + ".");
    }

    /** Geographic CRSs are those whose EPSG definition puts latitude first. */
    static boolean isGeographic(int epsg) {
        return CrsName.urn(epsg).isNorthEast();
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
