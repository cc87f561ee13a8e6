package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * Refuses a GetMap/GetFeatureInfo BBOX whose ground area exceeds {@code carence.ogc.max-bbox-area-km2},
 * before any database read or drawing. The measure is the area the box covers on the ground, in
 * km², whatever the CRS: width × height in metres for the projected CRSs offered (all in metres),
 * the area of the latitude/longitude rectangle on the authalic sphere for geographic ones.
 *
 * <p>The default, 200 million km² (about 40 % of the Earth), lets one view hold metropolitan
 * France and the five overseas départements together in every offered CRS (about 100–120 million
 * km² in Lambert-93, WGS 84 or Web Mercator, see {@code BboxAreaLimitTest}), and every view the web
 * map shows; it refuses whole-world boxes and absurd coordinates (1e300), which draw nothing
 * useful and only cost time.
 */
final class BboxAreaLimit {

    static final double DEFAULT_MAX_KM2 = 200_000_000;
    /** Radius of the sphere with the area of the GRS80 ellipsoid, in km. */
    private static final double AUTHALIC_RADIUS_KM = 6371.0072;

    private BboxAreaLimit() {
    }

    /** Ground area of the box in km²; {@code bbox} has x = easting/longitude (axis order resolved). */
    static double areaKm2(Envelope bbox, WmsCrs crs) {
        if (crs.geographic()) {
            double south = Math.toRadians(Math.max(-90, Math.min(90, bbox.getMinY())));
            double north = Math.toRadians(Math.max(-90, Math.min(90, bbox.getMaxY())));
            double lonSpan = Math.toRadians(Math.min(360, bbox.getWidth()));
            return AUTHALIC_RADIUS_KM * AUTHALIC_RADIUS_KM * lonSpan * (Math.sin(north) - Math.sin(south));
        }
        return bbox.getWidth() / 1000 * (bbox.getHeight() / 1000);
    }

    static void check(Envelope bbox, WmsCrs crs, double maxKm2) {
        double area = areaKm2(bbox, crs);
        if (!(area <= maxKm2)) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BBOX", String.format(Locale.FRANCE,
                    "BBOX trop étendue : %s km² au sol, pour au plus %,.0f km² (carence.ogc.max-bbox-area-km2). "
                            + "Réduisez l'emprise demandée.",
                    Double.isFinite(area) ? String.format(Locale.FRANCE, "%,.0f", area) : "plus de 10^300", maxKm2));
        }
    }
}
