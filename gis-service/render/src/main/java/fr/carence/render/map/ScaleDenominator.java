package fr.carence.render.map;

import org.locationtech.jts.geom.Envelope;

/**
 * The OGC scale denominator of a map (SLD 1.0 / SE 1.1, WMS 1.3.0 §7.2.4.6.9): ground distance
 * per rendered distance with a "standardized rendering pixel" of 0.28 mm, whatever the real
 * screen. For geographic CRSs a degree is taken as 2πR/360 metres on the WGS 84 semi-major axis
 * (the convention of the OGC WMTS well-known scale sets), so the same view gives about the same
 * denominator in 4326 as in 2154 near the equator and a smaller one at French latitudes.
 */
public final class ScaleDenominator {

    /** Size of the OGC standardized rendering pixel, in metres. */
    public static final double PIXEL_SIZE_METRES = 0.00028;

    /** Metres per degree on the WGS 84 semi-major axis: 6378137 × 2π / 360. */
    public static final double METRES_PER_DEGREE = 6378137.0 * 2 * Math.PI / 360.0;

    private ScaleDenominator() {
    }

    /**
     * @param envelope the map extent in the map CRS units (x = easting or longitude)
     * @param widthPixels the image width
     * @param geographic true when the CRS units are degrees
     */
    public static double of(Envelope envelope, int widthPixels, boolean geographic) {
        if (widthPixels <= 0) {
            throw new IllegalArgumentException("image width must be > 0, got " + widthPixels);
        }
        double groundWidth = envelope.getWidth() * (geographic ? METRES_PER_DEGREE : 1.0);
        return groundWidth / (widthPixels * PIXEL_SIZE_METRES);
    }
}
