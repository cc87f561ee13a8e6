package fr.carence.ogc.tiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Envelope;

/**
 * The OGC {@code WebMercatorQuad} tile matrix set (OGC 17-083r4, annex D.1): EPSG:3857, one
 * 256×256 tile at zoom 0 covering ±20,037,508.34 m, each zoom splitting tiles in four, rows
 * counted from the top. The only tile matrix set served: it is what web maps (OpenLayers,
 * MapLibre) and MapServer's MVT output use.
 */
public final class WebMercatorQuad {

    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS_URI = "http://www.opengis.net/def/crs/EPSG/0/3857";
    public static final int EPSG = 3857;
    /** Half the width of the square world in EPSG:3857 metres (π × 6,378,137). */
    public static final double HALF_WORLD = Math.PI * 6_378_137.0;
    public static final int TILE_PIXELS = 256;
    /** Deepest tile matrix offered (tiles of about 2.4 m): deeper tiles add nothing to communes or zones. */
    public static final int MAX_ZOOM = 24;
    /** The standardized rendering pixel (0.28 mm) of OGC scale denominators. */
    private static final double PIXEL_METRES = 0.00028;

    private WebMercatorQuad() {
    }

    /** Width of one tile of the zoom level, in metres of EPSG:3857. */
    public static double tileSpan(int zoom) {
        return 2 * HALF_WORLD / (1L << zoom);
    }

    /** The tile's envelope in EPSG:3857; the caller has checked the indices with {@link #check}. */
    public static Envelope envelope(int zoom, long row, long col) {
        double span = tileSpan(zoom);
        double minX = -HALF_WORLD + col * span;
        double maxY = HALF_WORLD - row * span;
        return new Envelope(minX, minX + span, maxY - span, maxY);
    }

    /**
     * Checks tile matrix, row and column; throws a {@link TileException} naming the path
     * parameter that is out of range (404, as OGC API Tiles asks for a tile outside the set).
     */
    public static void check(int zoom, long row, long col) {
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw TileException.notFound("tileMatrix", "Niveau de zoom (tileMatrix) " + zoom + " hors de " + ID
                    + " : de 0 à " + MAX_ZOOM + ".");
        }
        long size = 1L << zoom;
        if (row < 0 || row >= size) {
            throw TileException.notFound("tileRow", "Ligne de tuile (tileRow) " + row + " hors du niveau " + zoom
                    + " : de 0 à " + (size - 1) + ".");
        }
        if (col < 0 || col >= size) {
            throw TileException.notFound("tileCol", "Colonne de tuile (tileCol) " + col + " hors du niveau " + zoom
                    + " : de 0 à " + (size - 1) + ".");
        }
    }

    /** The tile matrix set definition in the OGC Two Dimensional Tile Matrix Set JSON encoding (2.0). */
    public static ObjectNode definition() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode tms = f.objectNode();
        tms.put("id", ID);
        tms.put("title", "Google Maps Compatible for the World");
        tms.put("uri", URI);
        tms.put("crs", CRS_URI);
        tms.putArray("orderedAxes").add("X").add("Y");
        tms.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        ArrayNode matrices = tms.putArray("tileMatrices");
        for (int z = 0; z <= MAX_ZOOM; z++) {
            double cellSize = tileSpan(z) / TILE_PIXELS;
            ObjectNode m = matrices.addObject();
            m.put("id", Integer.toString(z));
            m.put("scaleDenominator", cellSize / PIXEL_METRES);
            m.put("cellSize", cellSize);
            m.put("cornerOfOrigin", "topLeft");
            m.putArray("pointOfOrigin").add(-HALF_WORLD).add(HALF_WORLD);
            m.put("tileWidth", TILE_PIXELS);
            m.put("tileHeight", TILE_PIXELS);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
        }
        return tms;
    }
}
