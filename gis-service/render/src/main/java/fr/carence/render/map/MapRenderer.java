package fr.carence.render.map;

import fr.carence.crs.CrsTransforms;
import fr.carence.render.cache.CachedLayer;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.render.filter.FeatureFilterEvaluator;
import fr.carence.render.filter.Filters;
import fr.carence.render.style.FeatureTypeStyle;
import fr.carence.render.style.LabelPlacement;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.PointSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Symbolizer;
import fr.carence.render.style.TextSymbolizer;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import fr.carence.store.filter.Filter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Draws styled store layers into a Java2D image. Per layer and per FeatureTypeStyle (one
 * drawing pass each, in order), the features in the view come from the {@link LayerFeatureCache}
 * when the layer is cached (generalised to the map's resolution and projected to the map CRS once
 * per layer version, base filter evaluated in memory), else from a store bbox query with the base filter and, when every active rule has a
 * filter on known attributes, the OR of the rule filters pushed down. Each feature is then drawn
 * by every matching rule in order (ElseFilter rules when no other rule matched). Labels are
 * collected and placed last, over all layers, with collision avoidance.
 */
public final class MapRenderer {

    /** Extra margin (pixels) read around the view so strokes, marks and labels at the edge are not cut. */
    private static final int QUERY_MARGIN_PX = 16;
    private static final GeometryFactory GF = new GeometryFactory();

    private final FeatureStore store;
    private final LayerFeatureCache cache;

    /** A renderer that reads every map's features from the store. */
    public MapRenderer(FeatureStore store) {
        this(store, null);
    }

    /** A renderer that draws layers from the cache when they fit in it ({@code cache} may be null). */
    public MapRenderer(FeatureStore store, LayerFeatureCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** Renders into a new ARGB image; {@code background} null means fully transparent. */
    public BufferedImage render(MapViewport view, List<MapLayer> layers, Color background) {
        return render(view, layers, background, RenderDeadline.NONE);
    }

    /**
     * Renders into a new ARGB image, giving up with {@link RenderTimeoutException} (or the store's
     * {@code QueryTimeoutException}) once the deadline passes.
     */
    public BufferedImage render(MapViewport view, List<MapLayer> layers, Color background, RenderDeadline deadline) {
        BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, view.width(), view.height());
            }
            render(g, DirectPixels.of(image), view, layers, deadline);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders onto the given graphics (which must cover the view's pixel size). */
    public void render(Graphics2D g, MapViewport view, List<MapLayer> layers) {
        render(g, view, layers, RenderDeadline.NONE);
    }

    /** Renders onto the given graphics, within the deadline. */
    public void render(Graphics2D g, MapViewport view, List<MapLayer> layers, RenderDeadline deadline) {
        render(g, null, view, layers, deadline);
    }

    /**
     * @param direct the image's pixels for small fills and thin outlines ({@link DirectPixels}), only
     *               when {@code g} draws straight into that image (no transform, clip or composite);
     *               null: all through Java2D
     */
    private void render(Graphics2D g, DirectPixels direct, MapViewport view, List<MapLayer> layers, RenderDeadline deadline) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        LabelPlacer labels = new LabelPlacer(view.width(), view.height());
        double scale = view.scaleDenominator();
        for (MapLayer layer : layers) {
            LayerSchema schema = store.schema(layer.storeLayer())
                    .orElseThrow(() -> new LayerNotFoundException(layer.storeLayer()));
            for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
                List<Rule> active = fts.rules().stream().filter(r -> r.appliesAtScale(scale)).toList();
                if (!active.isEmpty()) {
                    deadline.check();
                    drawPass(g, direct, view, layer, schema, active, labels, deadline);
                }
            }
        }
        deadline.check();
        labels.placeAll(g);
    }

    private void drawPass(Graphics2D g, DirectPixels direct, MapViewport view, MapLayer layer, LayerSchema schema,
                          List<Rule> rules, LabelPlacer labels, RenderDeadline deadline) {
        Pass pass = new Pass(g, direct, view, new ScreenPath(view), rules, labels, deadline);
        Optional<CachedLayer> cached = cache == null ? Optional.empty() : cache.layer(layer.storeLayer());
        if (cached.isPresent()) {
            double pixelSize = storagePixelSize(view);
            Envelope box = storageBox(view).orElse(new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE,
                    -Double.MAX_VALUE, Double.MAX_VALUE));
            Filter base = layer.baseFilter();
            // Geometries come already in the map CRS (projected once per layer version and level).
            cached.get().forEach(box, Double.isFinite(pixelSize) ? pixelSize : 0, view.epsg(), (f, drawn) -> {
                if (FeatureFilterEvaluator.matches(base, f)) {
                    pass.drawInMapCrs(f, drawn);
                }
            });
            return;
        }
        try (FeatureCursor cursor = store.query(layer.storeLayer(), query(view, layer, schema, rules).withTimeout(deadline.remaining()))) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    pass.draw(f, f.geometry());
                }
            }
        }
    }

    /** One drawing pass: the rules of a FeatureTypeStyle applied to each feature in turn. */
    private static final class Pass {
        private final Graphics2D g;
        private final DirectPixels direct;
        private final MapViewport view;
        private final ScreenPath paths;
        private final Envelope viewEnvelope;
        private final List<Rule> regular;
        private final List<Rule> elseRules;
        private final LabelPlacer labels;
        private final RenderDeadline deadline;
        private int drawn;

        Pass(Graphics2D g, DirectPixels direct, MapViewport view, ScreenPath paths, List<Rule> rules, LabelPlacer labels,
             RenderDeadline deadline) {
            this.deadline = deadline;
            this.g = g;
            this.direct = direct;
            this.view = view;
            this.paths = paths;
            this.viewEnvelope = view.envelope();
            this.regular = rules.stream().filter(r -> !r.elseFilter()).toList();
            this.elseRules = rules.stream().filter(Rule::elseFilter).toList();
            this.labels = labels;
        }

        /** @param storageGeometry the geometry to draw, in the storage CRS (possibly generalised) */
        void draw(Feature f, Geometry storageGeometry) {
            drawInMapCrs(f, CrsTransforms.transform(storageGeometry, FeatureStore.STORAGE_SRID, view.epsg()));
        }

        /** @param geom the geometry to draw, in the map CRS; not modified */
        void drawInMapCrs(Feature f, Geometry geom) {
            if ((++drawn & 255) == 0) {
                deadline.check();
            }
            if (!geom.getEnvelopeInternal().intersects(viewEnvelope)) {
                return;
            }
            DrawnFeature drawn = new DrawnFeature(f, geom);
            boolean matched = false;
            for (Rule r : regular) {
                if (FeatureFilterEvaluator.matches(r.filter(), f.id(), f.properties(), f.geometry())) {
                    matched = true;
                    MapRenderer.draw(g, direct, view, paths, drawn, r, labels);
                }
            }
            if (!matched) {
                for (Rule r : elseRules) {
                    MapRenderer.draw(g, direct, view, paths, drawn, r, labels);
                }
            }
        }
    }

    /** Store query for one pass: view bbox (+ margin) in the storage CRS, filters, needed attributes. */
    private FeatureQuery query(MapViewport view, MapLayer layer, LayerSchema schema, List<Rule> rules) {
        Set<String> needed = new LinkedHashSet<>();
        for (Rule r : rules) {
            Filters.collectProperties(r.filter(), needed);
            for (Symbolizer s : r.symbolizers()) {
                if (s instanceof TextSymbolizer t) {
                    needed.add(t.labelProperty());
                }
            }
        }
        Filter filter = layer.baseFilter();
        Optional<Filter> pushed = Filters.pushDown(rules);
        if (pushed.isPresent()) {
            Set<String> used = new LinkedHashSet<>();
            Filters.collectProperties(pushed.get(), used);
            // A filter on an attribute the layer lacks would be a store error; in memory it is just false.
            if (used.stream().allMatch(p -> schema.attribute(p).isPresent())) {
                filter = Filters.and(filter, pushed.get());
            }
        }
        List<String> properties = needed.stream().filter(p -> schema.attribute(p).isPresent()).toList();
        FeatureQuery q = FeatureQuery.all().withProperties(properties).withFilter(filter);
        return storageBox(view).map(q::withBbox).orElse(q);
    }

    /**
     * Size of a pixel at the centre of the view in storage units (metres): the distance to the next
     * pixel centre right and below, whichever is smaller. NaN when the point does not transform.
     */
    private static double storagePixelSize(MapViewport view) {
        if (view.epsg() == FeatureStore.STORAGE_SRID) {
            return Math.min(view.pixelSizeX(), view.pixelSizeY());
        }
        Coordinate c = view.envelope().centre();
        double[] o = CrsTransforms.transform(c.x, c.y, view.epsg(), FeatureStore.STORAGE_SRID);
        double[] r = CrsTransforms.transform(c.x + view.pixelSizeX(), c.y, view.epsg(), FeatureStore.STORAGE_SRID);
        double[] d = CrsTransforms.transform(c.x, c.y - view.pixelSizeY(), view.epsg(), FeatureStore.STORAGE_SRID);
        return Math.min(Math.hypot(r[0] - o[0], r[1] - o[1]), Math.hypot(d[0] - o[0], d[1] - o[1]));
    }

    /** The view (+ margin) in the storage CRS; empty when it does not transform to finite numbers. */
    private static Optional<Envelope> storageBox(MapViewport view) {
        Envelope e = new Envelope(view.envelope());
        e.expandBy(view.pixelSizeX() * QUERY_MARGIN_PX, view.pixelSizeY() * QUERY_MARGIN_PX);
        Envelope box = CrsTransforms.transform(e, view.epsg(), FeatureStore.STORAGE_SRID);
        boolean usable = Double.isFinite(box.getMinX()) && Double.isFinite(box.getMaxX())
                && Double.isFinite(box.getMinY()) && Double.isFinite(box.getMaxY());
        return usable ? Optional.of(box) : Optional.empty();
    }

    private static void draw(Graphics2D g, DirectPixels direct, MapViewport view, ScreenPath paths, DrawnFeature f,
                             Rule rule, LabelPlacer labels) {
        for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof PolygonSymbolizer ps) {
                if (f.geometry instanceof Polygonal) {
                    if (f.subPixel(view)) {
                        if (ps.fill() != null) {
                            SymbolPainter.pixel(g, direct, f.pixel(view), ps.fill().paint());
                        }
                    } else {
                        SymbolPainter.polygon(g, direct, f.shape(paths), ps);
                    }
                }
            } else if (s instanceof LineSymbolizer ls) {
                if (!(f.geometry instanceof Point) && !f.subPixel(view)) {
                    SymbolPainter.line(g, direct, f.shape(paths), ls);
                }
            } else if (s instanceof PointSymbolizer pt) {
                for (Coordinate c : f.anchorPoints()) {
                    SymbolPainter.point(g, view.toScreenX(c.x), view.toScreenY(c.y), pt);
                }
            } else if (s instanceof TextSymbolizer ts) {
                collectLabel(view, f, ts, labels);
            }
        }
    }

    private static void collectLabel(MapViewport view, DrawnFeature f, TextSymbolizer ts, LabelPlacer labels) {
        String text = LabelText.format(f.feature.get(ts.labelProperty()));
        if (text == null) {
            return;
        }
        if (ts.placement() instanceof LabelPlacement.Line && f.geometry instanceof Lineal) {
            Geometry screen = toScreen(view, f.geometry);
            LengthIndexedLine line = new LengthIndexedLine(screen);
            double length = screen.getLength();
            if (length < 1) {
                return;
            }
            Coordinate mid = line.extractPoint(length / 2);
            Coordinate a = line.extractPoint(Math.max(0, length / 2 - 10));
            Coordinate b = line.extractPoint(Math.min(length, length / 2 + 10));
            double angle = Math.atan2(b.y - a.y, b.x - a.x);
            if (angle > Math.PI / 2) {
                angle -= Math.PI; // keep text upright
            } else if (angle < -Math.PI / 2) {
                angle += Math.PI;
            }
            labels.add(new LabelCandidate(text, ts, mid.x, mid.y, angle));
            return;
        }
        Coordinate c = f.labelPoint(view);
        if (c != null) {
            labels.add(new LabelCandidate(text, ts, view.toScreenX(c.x), view.toScreenY(c.y), 0));
        }
    }

    private static Geometry toScreen(MapViewport view, Geometry g) {
        double px = view.pixelSizeX();
        double py = view.pixelSizeY();
        Envelope e = view.envelope();
        return new AffineTransformation(1 / px, 0, -e.getMinX() / px, 0, -1 / py, e.getMaxY() / py).transform(g);
    }

    /** A feature being drawn, with its geometry in the map CRS and lazily derived shapes. */
    private static final class DrawnFeature {
        final Feature feature;
        final Geometry geometry;
        private ScreenShape shape;

        DrawnFeature(Feature feature, Geometry geometry) {
            this.feature = feature;
            this.geometry = geometry;
        }

        ScreenShape shape(ScreenPath paths) {
            if (shape == null) {
                shape = paths.of(geometry);
            }
            return shape;
        }

        boolean subPixel(MapViewport view) {
            Envelope e = geometry.getEnvelopeInternal();
            return e.getWidth() < view.pixelSizeX() && e.getHeight() < view.pixelSizeY();
        }

        /** The one pixel a sub-pixel geometry covers (may lie outside the image). */
        Rectangle2D pixel(MapViewport view) {
            Coordinate c = geometry.getEnvelopeInternal().centre();
            return new Rectangle2D.Double(Math.floor(view.toScreenX(c.x)), Math.floor(view.toScreenY(c.y)), 1, 1);
        }

        /** Where point symbols go: each point, or an interior point of lines and polygons. */
        List<Coordinate> anchorPoints() {
            List<Coordinate> out = new ArrayList<>();
            if (geometry instanceof Point || geometry.getGeometryType().equals("MultiPoint")) {
                for (Coordinate c : geometry.getCoordinates()) {
                    out.add(c);
                }
            } else {
                Point p = geometry.getInteriorPoint();
                if (!p.isEmpty()) {
                    out.add(p.getCoordinate());
                }
            }
            return out;
        }

        /** Label anchor: the point, or an interior point of the part of the geometry in view. */
        Coordinate labelPoint(MapViewport view) {
            if (geometry instanceof Point) {
                return geometry.getCoordinate();
            }
            Geometry visible = geometry;
            if (!view.envelope().contains(geometry.getEnvelopeInternal())) {
                try {
                    visible = geometry.intersection(GF.toGeometry(view.envelope()));
                } catch (TopologyException e) {
                    return null; // invalid source geometry: no label rather than a failed map
                }
            }
            if (visible.isEmpty()) {
                return null;
            }
            Point p = visible.getInteriorPoint();
            return p.isEmpty() ? null : p.getCoordinate();
        }
    }
}
