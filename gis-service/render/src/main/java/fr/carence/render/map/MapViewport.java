package fr.carence.render.map;

import java.awt.geom.Point2D;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * What the map shows: an extent in a CRS (x = easting or longitude, whatever the OGC axis order
 * of the request) drawn into an image of the given pixel size. The extent is stretched to the
 * image as WMS requires (no aspect-ratio correction).
 *
 * @param envelope extent in the map CRS
 * @param epsg the map CRS (4326 for both EPSG:4326 and CRS:84: axis order is settled before)
 * @param geographic true when the CRS units are degrees
 */
public record MapViewport(Envelope envelope, int epsg, boolean geographic, int width, int height) {

    public MapViewport {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (envelope.getWidth() <= 0 || envelope.getHeight() <= 0) {
            throw new IllegalArgumentException("map extent must have a positive width and height: " + envelope);
        }
        envelope = new Envelope(envelope);
    }

    public double scaleDenominator() {
        return ScaleDenominator.of(envelope, width, geographic);
    }

    /** Size of a pixel in map units along x (used to drop sub-pixel vertices). */
    public double pixelSizeX() {
        return envelope.getWidth() / width;
    }

    public double pixelSizeY() {
        return envelope.getHeight() / height;
    }

    public double toScreenX(double x) {
        return (x - envelope.getMinX()) / pixelSizeX();
    }

    public double toScreenY(double y) {
        return (envelope.getMaxY() - y) / pixelSizeY();
    }

    /** Pixel centre (i, j) — column from the left, row from the top — to map coordinates. */
    public Coordinate toWorld(double i, double j) {
        return new Coordinate(envelope.getMinX() + i * pixelSizeX(), envelope.getMaxY() - j * pixelSizeY());
    }

    /** The transformation JTS's ShapeWriter applies to every vertex. */
    public PointTransformation pointTransformation() {
        double minX = envelope.getMinX();
        double maxY = envelope.getMaxY();
        double sx = 1.0 / pixelSizeX();
        double sy = 1.0 / pixelSizeY();
        return (Coordinate src, Point2D dest) -> dest.setLocation((src.x - minX) * sx, (maxY - src.y) * sy);
    }
}
