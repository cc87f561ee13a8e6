package fr.carence.ogc.crs;

import fr.carence.crs.CrsTransforms;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.proj.LongLatProjection;

/**
 * Parses the CRS spellings OGC clients send and decides the axis order exactly as GeoServer does:
 * <ul>
 *   <li>{@code EPSG:4326} and {@code http://www.opengis.net/gml/srs/epsg.xml#4326}: x/y, i.e.
 *       longitude/latitude (the "forced x/y" legacy spellings);</li>
 *   <li>{@code urn:ogc:def:crs:EPSG:[version]:4326}, {@code urn:x-ogc:def:crs:EPSG:[version]:4326}
 *       and {@code http://www.opengis.net/def/crs/EPSG/0/4326}: the EPSG registry's order, i.e.
 *       latitude/longitude for geographic CRSs;</li>
 *   <li>{@code CRS:84}, {@code OGC:CRS84} and their URN/URI forms: longitude/latitude;</li>
 *   <li>projected CRSs (2154, 3857, UTM zones): easting/northing in every spelling.</li>
 * </ul>
 */
public final class CrsNameParser {

    private static final Pattern EPSG_SHORT = Pattern.compile("EPSG:(\\d+)");
    private static final Pattern EPSG_GML_URL = Pattern.compile("HTTPS?://WWW\\.OPENGIS\\.NET/GML/SRS/EPSG\\.XML#(\\d+)");
    private static final Pattern EPSG_URN = Pattern.compile("URN:(?:X-)?OGC:DEF:CRS:EPSG:(?:[^:]*:)?(\\d+)");
    private static final Pattern EPSG_HTTP = Pattern.compile("HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[^/]+/(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "CRS:84|OGC:CRS84|URN:OGC:DEF:CRS:OGC:[^:]*:CRS84|URN:X-OGC:DEF:CRS:OGC:[^:]*:CRS84"
                    + "|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[^/]+/CRS84");

    private static final Map<Integer, Boolean> GEOGRAPHIC = new ConcurrentHashMap<>();

    private CrsNameParser() {
    }

    /**
     * Parses a CRS name.
     *
     * @throws IllegalArgumentException when the spelling is not recognised or the code is unknown
     */
    public static CrsName parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("empty CRS name");
        }
        String trimmed = name.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (CRS84.matcher(upper).matches()) {
            return new CrsName(4326, AxisOrder.EAST_NORTH, trimmed);
        }
        Matcher m;
        if ((m = EPSG_SHORT.matcher(upper)).matches() || (m = EPSG_GML_URL.matcher(upper)).matches()) {
            return new CrsName(known(m.group(1), trimmed), AxisOrder.EAST_NORTH, trimmed);
        }
        if ((m = EPSG_URN.matcher(upper)).matches() || (m = EPSG_HTTP.matcher(upper)).matches()) {
            int code = known(m.group(1), trimmed);
            return new CrsName(code, isGeographic(code) ? AxisOrder.NORTH_EAST : AxisOrder.EAST_NORTH, trimmed);
        }
        throw new IllegalArgumentException("unrecognised CRS name '" + trimmed
                + "' (expected EPSG:code, urn:ogc:def:crs:EPSG::code, http://www.opengis.net/def/crs/EPSG/0/code or CRS:84)");
    }

    private static int known(String digits, String spelling) {
        int code;
        try {
            code = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CRS code out of range in '" + spelling + "'");
        }
        if (!CrsTransforms.isKnown(code)) {
            throw new IllegalArgumentException("unknown CRS EPSG:" + code + " in '" + spelling + "'");
        }
        return code;
    }

    /** Geographic CRSs (lon/lat degrees) are the ones whose registry order is latitude first. */
    static boolean isGeographic(int epsg) {
        return GEOGRAPHIC.computeIfAbsent(epsg, code ->
                new CRSFactory().createFromName("EPSG:" + code).getProjection() instanceof LongLatProjection);
    }
}
