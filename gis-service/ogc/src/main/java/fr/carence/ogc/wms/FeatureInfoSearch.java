package fr.carence.ogc.wms;

import fr.carence.crs.CrsTransforms;
import fr.carence.render.filter.FeatureFilterEvaluator;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Style;
import fr.carence.render.style.TextSymbolizer;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * Finds what is drawn at a pixel: polygons containing the pixel centre, points and lines within
 * the tolerance (pixels) of it, among the features the layer's style actually draws at the map's
 * scale (a feature no rule draws is not "there"). Polygons come first in store order, then
 * points and lines nearest first.
 */
final class FeatureInfoSearch {

    private static final GeometryFactory GF = new GeometryFactory();

    private final FeatureStore store;
    private final int tolerancePixels;
    private final java.time.Duration timeout;

    FeatureInfoSearch(FeatureStore store, int tolerancePixels, java.time.Duration timeout) {
        this.timeout = timeout;
        this.store = store;
        this.tolerancePixels = tolerancePixels;
    }

    /**
     * @param i column of the pixel (0 = left)
     * @param j row of the pixel (0 = top)
     * @param columns the columns fetched and shown: those the caller may read (the style reads no other)
     */
    List<Feature> search(MapRequest map, String storeLayer, List<String> columns, Style style, Filter baseFilter,
                         double i, double j, int max) {
        var view = map.viewport();
        Coordinate centre = view.toWorld(i + 0.5, j + 0.5);
        double tolerance = tolerancePixels * Math.max(view.pixelSizeX(), view.pixelSizeY());
        Envelope box = new Envelope(centre);
        box.expandBy(tolerance);
        Envelope storageBox = CrsTransforms.transform(box, view.epsg(), FeatureStore.STORAGE_SRID);
        Point pixel = GF.createPoint(centre);
        double scale = view.scaleDenominator();
        List<Rule> drawing = style.allRules().stream().filter(r -> r.appliesAtScale(scale))
                .filter(r -> r.symbolizers().stream().anyMatch(s -> !(s instanceof TextSymbolizer))).toList();
        List<Feature> polygons = new ArrayList<>();
        List<Hit> others = new ArrayList<>();
        FeatureQuery query = FeatureQuery.all().withBbox(storageBox).withFilter(baseFilter).withProperties(columns)
                .withTimeout(timeout);
        try (FeatureCursor cursor = store.query(storeLayer, query)) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                if (f.geometry() == null || !drawn(drawing, f)) {
                    continue;
                }
                Geometry g = CrsTransforms.transform(f.geometry(), FeatureStore.STORAGE_SRID, view.epsg());
                Feature inMapCrs = new Feature(f.id(), g, f.properties());
                if (g instanceof Polygonal) {
                    if (g.intersects(pixel)) {
                        polygons.add(inMapCrs);
                    }
                } else {
                    double d = g.distance(pixel);
                    if (d <= tolerance) {
                        others.add(new Hit(inMapCrs, d));
                    }
                }
            }
        }
        List<Feature> out = new ArrayList<>(polygons);
        others.stream().sorted(Comparator.comparingDouble(Hit::distance)).forEach(h -> out.add(h.feature()));
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** Same rule logic as the renderer: a regular rule matches, or else an ElseFilter rule exists. */
    private static boolean drawn(List<Rule> rules, Feature f) {
        boolean hasElse = false;
        for (Rule r : rules) {
            if (r.elseFilter()) {
                hasElse = true;
            } else if (FeatureFilterEvaluator.matches(r.filter(), f)) {
                return true;
            }
        }
        return hasElse;
    }

    private record Hit(Feature feature, double distance) {
    }
}
