package fr.carence.loaders.core;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Where a row of a point dataset goes (venues, AMII intentions): at its declared coordinates when
 * it has some (checked to fall in France, {@link FranceExtent}), else at the representative point
 * of its commune. One place for the checks and their French errors, so every point loader
 * answers a bad location the same way.
 *
 * <p>The commune points are read from the store's {@code communes} layer on first need, only for
 * the communes asked, and kept for the rest of the load (one instance per load).
 */
public final class Placement {

    /** How a point was placed, as written in the layers' {@code localisation} column. */
    public static final String COORDINATES = "coordonnées déclarées";
    public static final String COMMUNE_POINT = "point représentatif de la commune";

    static final String COMMUNES_LAYER = "communes";
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    /**
     * A placed point.
     *
     * @param point the point in the storage CRS ({@link FeatureStore#STORAGE_SRID})
     * @param lon longitude (WGS 84) of the declared coordinates, NaN when placed at the commune
     * @param lat latitude (WGS 84), NaN when placed at the commune
     * @param localisation {@link #COORDINATES} or {@link #COMMUNE_POINT}
     */
    public record Place(Point point, double lon, double lat, String localisation) {
    }

    private final FeatureStore store;
    private final CommuneCodes codes;
    private final String what;
    /** Commune code to its point (storage CRS), or empty when the commune has no outline loaded. */
    private final Map<String, Optional<Point>> communePoints = new HashMap<>();

    /**
     * @param store where the commune outlines are read (only when a row needs its commune's point)
     * @param codes the loaded COG, to check and update the rows' commune codes
     * @param what the row's thing with its article, for the error of a row with no location ("l'intention")
     */
    public Placement(FeatureStore store, CommuneCodes codes, String what) {
        this.store = store;
        this.codes = codes;
        this.what = what;
    }

    /**
     * The current COG code of a row's commune code (former codes follow their merger), null when
     * the row gives none.
     *
     * @throws LoadException the code is unknown to the loaded COG (field "code_commune")
     */
    public String commune(String raw, FieldError error) {
        if (raw == null) {
            return null;
        }
        return codes.normalise(raw).orElseThrow(() -> error.error("code_commune",
                "code commune « " + raw + " » inconnu du code officiel géographique chargé"));
    }

    /**
     * How lon/lat columns are written in a CSV with this separator: "44,35" is a decimal comma
     * in a ';'- or tab-separated file (French Excel), never in a ','-separated one.
     */
    public static NumberStyle csvCoordinates(char separator) {
        return new NumberStyle(separator != ',', false, false);
    }

    /**
     * At the declared coordinates, else at the commune's point.
     *
     * @param x longitude (or x in {@code srid}), null when not declared
     * @param y latitude (or y in {@code srid}), null when not declared
     * @param srid CRS of x and y (4326 for CSV lon/lat columns)
     * @param commune current COG code of the row's commune ({@link #commune}), or null
     * @param error builds the row's error on a field
     * @throws LoadException one of x and y without the other (field "lon" or "lat"), coordinates out
     *         of France ("lon/lat"), no coordinates and a commune without outline, or neither
     *         ("code_commune")
     */
    public Place place(Double x, Double y, int srid, String commune, FieldError error) {
        if ((x == null) != (y == null)) {
            throw error.error(x == null ? "lon" : "lat", "lon et lat vont ensemble : renseigner les deux ou aucun");
        }
        if (x != null) {
            return atCoordinates(x, y, srid, error);
        }
        if (commune == null) {
            throw error.error("code_commune", "ni lon/lat ni code_commune : impossible de situer " + what);
        }
        Point p = communePoint(commune).orElseThrow(() -> error.error("code_commune",
                "commune " + commune + " sans contour chargé (couche communes) : donner lon/lat"));
        Point copy = (Point) p.copy();
        copy.setSRID(FeatureStore.STORAGE_SRID);
        return new Place(copy, Double.NaN, Double.NaN, COMMUNE_POINT);
    }

    /**
     * At declared coordinates only (datasets where every row has them).
     *
     * @throws LoadException coordinates out of France: field "lon/lat" for WGS 84 columns,
     *         "geometry" for a GeoJSON geometry in another CRS
     */
    public static Place atCoordinates(double x, double y, int srid, FieldError error) {
        double[] lonLat = srid == 4326 ? new double[] {x, y} : CrsTransforms.transform(x, y, srid, 4326);
        if (!FranceExtent.contains(lonLat[0], lonLat[1])) {
            throw error.error(srid == 4326 ? "lon/lat" : "geometry", String.format(Locale.ROOT,
                    "coordonnées hors de France (lon %.5f, lat %.5f) : colonnes inversées ou erronées ?", lonLat[0], lonLat[1]));
        }
        double[] xy = CrsTransforms.transform(lonLat[0], lonLat[1], 4326, FeatureStore.STORAGE_SRID);
        Point point = GEOMETRIES.createPoint(new Coordinate(xy[0], xy[1]));
        point.setSRID(FeatureStore.STORAGE_SRID);
        return new Place(point, lonLat[0], lonLat[1], COORDINATES);
    }

    /** Interior point of the commune's loaded outline (storage CRS), read once per commune. */
    private Optional<Point> communePoint(String code) {
        return communePoints.computeIfAbsent(code, c -> {
            if (store.schema(COMMUNES_LAYER).isEmpty()) {
                return Optional.empty();
            }
            try (FeatureCursor cursor = store.query(COMMUNES_LAYER, FeatureQuery.all()
                    .withFilter(new Filter.ResourceIds(List.of(c))).withProperties(List.of("code")))) {
                while (cursor.hasNext()) {
                    Feature f = cursor.next();
                    if (f.geometry() != null && !f.geometry().isEmpty()) {
                        return Optional.of(f.geometry().getInteriorPoint());
                    }
                }
            }
            return Optional.empty();
        });
    }
}
