package fr.carence.loaders.core;

/**
 * Where a venue may be: metropolitan France (Corsica included) and the five DROM, as lon/lat
 * boxes with a small margin. A point outside is almost always swapped or mistyped coordinates.
 */
public final class FranceExtent {

    /** {minLon, minLat, maxLon, maxLat}. */
    private static final double[][] BOXES = {
        {-5.8, 41.2, 9.8, 51.3},     // métropole et Corse
        {-61.9, 15.8, -60.9, 16.6},  // Guadeloupe
        {-61.3, 14.3, -60.7, 15.0},  // Martinique
        {-54.7, 2.0, -51.5, 6.0},    // Guyane
        {55.1, -21.5, 56.0, -20.8},  // La Réunion
        {44.9, -13.1, 45.4, -12.5},  // Mayotte
    };

    private FranceExtent() {
    }

    public static boolean contains(double lon, double lat) {
        for (double[] b : BOXES) {
            if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) {
                return true;
            }
        }
        return false;
    }
}
