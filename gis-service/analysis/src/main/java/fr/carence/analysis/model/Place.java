package fr.carence.analysis.model;

/**
 * A point used for distances: coordinates in metres in the legal CRS of its territory
 * ({@link fr.carence.crs.LegalCrs}), so that overseas distances are never measured in Lambert-93.
 *
 * @param code INSEE code of the commune the point belongs to (key of the travel-time matrix)
 * @param x easting in the legal CRS (m)
 * @param y northing in the legal CRS (m)
 * @param epsg the legal CRS; points of different territories are unreachable from each other
 */
public record Place(String code, double x, double y, int epsg) {

    /** Straight-line distance in metres, or +∞ between territories with different legal CRS. */
    public double distanceTo(Place other) {
        if (epsg != other.epsg) {
            return Double.POSITIVE_INFINITY;
        }
        double dx = x - other.x;
        double dy = y - other.y;
        return Math.sqrt(dx * dx + dy * dy); // not Math.hypot: several times slower, no overflow risk here
    }
}
