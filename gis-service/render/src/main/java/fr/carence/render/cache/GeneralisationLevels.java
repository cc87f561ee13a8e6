package fr.carence.render.cache;

/**
 * The tolerances (storage CRS units, metres in Lambert-93) of the pre-generalised copies a
 * cached layer keeps: 10 m doubling up to 2,560 m. A map uses the coarsest copy whose tolerance
 * is at most a quarter of its pixel size, so no border moves by more than a quarter pixel
 * (the screen path then merges vertices closer than half a pixel, as the renderer always did):
 * the copies only save reading vertices that would be merged anyway.
 */
final class GeneralisationLevels {

    static final int COUNT = 9;
    private static final double FINEST = 10;

    private GeneralisationLevels() {
    }

    static double tolerance(int level) {
        return FINEST * (1 << level);
    }

    /** The level for a map whose pixels cover {@code pixelSize} storage units, or -1 for full detail. */
    static int forPixelSize(double pixelSize) {
        int best = -1;
        for (int level = 0; level < COUNT; level++) {
            if (tolerance(level) <= pixelSize / 4) {
                best = level;
            }
        }
        return best;
    }
}
