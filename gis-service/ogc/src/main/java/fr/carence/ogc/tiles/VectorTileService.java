package fr.carence.ogc.tiles;

import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.core.ScenarioSelection;
import fr.carence.render.cache.CachedLayer;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.render.cache.LayerVersion;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.ScenarioIds;
import fr.carence.store.filter.Filter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mapbox Vector Tiles of the catalogue's layers in the {@link WebMercatorQuad} tile matrix set.
 *
 * <p>Layers are found through the same (caller-filtered) catalogue as WFS and WMS, so a layer the
 * caller may not read is unknown here too. Features come from the store in Lambert-93: the tile
 * (with its buffer) is transformed to Lambert-93 to select them by envelope (the whole layer in
 * memory with its STR-tree, or the store's spatial index when the layer does not fit), each
 * geometry is taken at the coarsest pre-generalised level that moves no border by more than a
 * quarter of a screen pixel at this zoom (from the map cache: already in EPSG:3857, polygons
 * repaired once per level), then moved to tile units (4,096 per tile), clipped to the tile plus
 * its buffer where it crosses that edge, and rounded ({@link MvtEncoder}). Result layers show scenario {@code defaut} unless another is named.
 * Only the attributes listed for the layer in the catalogue ({@code carence.mvtAttributes}) are
 * written.
 */
public final class VectorTileService {

    private static final Logger LOG = LoggerFactory.getLogger(VectorTileService.class);

    /** Tile units per tile side, the MVT default that every client expects. */
    public static final int EXTENT = 4096;
    /**
     * Below this zoom a tile spans more than 11° of longitude: its envelope cannot be reprojected
     * to Lambert-93 meaningfully (the conic projection folds far from France), so the whole
     * layer is read and each feature is tested in EPSG:3857 instead.
     */
    static final int MIN_ZOOM_FOR_STORAGE_BOX = 5;

    /** A layer ready for tiles: the catalogue entry, its store schema and the attributes written. */
    public record TileLayer(PublishedLayer published, LayerSchema schema, List<String> attributes) {

        public boolean restricted() {
            return !published.readRoles().isEmpty();
        }
    }

    /** An answered tile: MVT bytes (empty when no feature falls in it) and a strong entity tag. */
    public record Tile(byte[] mvt, String etag, boolean restricted) {

        public boolean empty() {
            return mvt.length == 0;
        }
    }

    private final Catalog catalog;
    private final FeatureStore store;
    private final LayerFeatureCache features;
    private final TileCache tiles;
    private final TileStyles styles;
    private final TilesSettings settings;
    private final Duration requestTimeout;
    private final Set<String> warnedMissing = ConcurrentHashMap.newKeySet();

    /**
     * @param features the map's layer cache, shared with WMS GetMap ({@code carence.wms.cache-megabytes}):
     *                 each layer is held in memory once, with its pre-generalised copies
     */
    public VectorTileService(Catalog catalog, FeatureStore store, LayerFeatureCache features, TilesSettings settings,
                             Duration requestTimeout) {
        this.catalog = catalog;
        this.store = store;
        this.settings = settings;
        this.requestTimeout = requestTimeout;
        this.features = features;
        this.tiles = new TileCache(settings.cacheMegabytes() * 1024L * 1024L);
        this.styles = new TileStyles(catalog);
    }

    /** The layers the caller may read that have geometries in the store, in catalogue order. */
    public List<TileLayer> layers() {
        List<TileLayer> out = new ArrayList<>();
        for (PublishedLayer l : catalog.layers()) {
            store.schema(l.storeLayer()).filter(LayerSchema::hasGeometry).ifPresent(s -> out.add(tileLayer(l, s)));
        }
        return out;
    }

    /**
     * The layer named by a collection id (the layer name without workspace prefix); 404 when it
     * is unknown, hidden from the caller, not computed yet or without geometry, with one message
     * for the first three so a hidden layer cannot be told from a missing one.
     */
    public TileLayer layer(String collectionId) {
        PublishedLayer published = published(collectionId);
        return checked(collectionId, published, store.schema(published.storeLayer()));
    }

    /** The catalogue entry a collection id names for the caller; 404 as {@link #layer} says. */
    private PublishedLayer published(String collectionId) {
        return (collectionId.contains(":") ? Optional.<PublishedLayer>empty() : catalog.layer(collectionId))
                .orElseThrow(() -> unknown(collectionId));
    }

    private TileLayer checked(String collectionId, PublishedLayer published, Optional<LayerSchema> schema) {
        if (schema.isEmpty()) {
            throw unknown(collectionId);
        }
        if (!schema.get().hasGeometry()) {
            throw TileException.notFound("collectionId", "La collection « " + collectionId
                    + " » n'a pas de géométrie : elle n'a pas de tuiles (voir /ogc/collections/" + collectionId + "/items).");
        }
        return tileLayer(published, schema.get());
    }

    private static TileException unknown(String collectionId) {
        return TileException.notFound("collectionId", "Collection inconnue : « " + collectionId + " ».");
    }

    private TileLayer tileLayer(PublishedLayer published, LayerSchema schema) {
        List<String> wanted = published.tileAttributes().isEmpty()
                ? defaultAttributes(schema) : published.tileAttributes();
        // Column read rules (security/columns.properties): a column the caller may not read is
        // left out of the tile as if it were not listed, never an error that would reveal it.
        LayerSchema readable = catalog.readableSchema(published, schema);
        List<String> present = new ArrayList<>();
        for (String a : wanted) {
            if (readable.attribute(a).isPresent()) {
                present.add(a);
            } else if (schema.attribute(a).isPresent()) {
                continue;
            } else if (warnedMissing.add(published.name() + "." + a)) {
                LOG.warn("Tuiles : l'attribut {} listé dans carence.mvtAttributes de la couche {} n'existe pas dans la base ; "
                        + "il est omis des tuiles", a, published.name());
            }
        }
        return new TileLayer(published, schema, List.copyOf(present));
    }

    /**
     * One of the layer's catalogue styles as JSON rules (see {@link TileStyles}), for clients that
     * draw the tiles; 404 when the layer is unknown to the caller or the style is not one of its own.
     */
    public com.fasterxml.jackson.databind.node.ObjectNode style(String collectionId, String styleId) {
        TileLayer layer = layer(collectionId);
        com.fasterxml.jackson.databind.node.ObjectNode doc = layer.published().styles().contains(styleId)
                ? styles.json(styleId) : null;
        if (doc == null) {
            throw TileException.notFound("styleId", "Style inconnu pour la collection « " + collectionId + " » : « "
                    + styleId + " » (styles : " + String.join(", ", layer.published().styles()) + ").");
        }
        return doc;
    }

    /** Without a catalogue list: the id attribute and the name, enough to identify and label. */
    static List<String> defaultAttributes(LayerSchema schema) {
        List<String> out = new ArrayList<>(List.of(schema.idAttribute()));
        if (!schema.idAttribute().equals("nom") && schema.attribute("nom").isPresent()) {
            out.add("nom");
        }
        return out;
    }

    /**
     * The tile, from the tile cache or encoded now.
     *
     * @param scenario the {@code scenario} query parameter, if given (result layers only)
     */
    public Tile tile(String collectionId, int zoom, long row, long col, Optional<String> scenario) {
        WebMercatorQuad.check(zoom, row, col);
        PublishedLayer published = published(collectionId);
        String storeLayer = published.storeLayer();
        // One snapshot of the layer for the schema, the cache key and the encoding, so a tile is
        // never filed under a version it was not drawn from. Held in memory, the layer costs one
        // registry query (its version), its schema coming with it; otherwise two.
        Optional<CachedLayer> cached = features.layer(storeLayer);
        TileLayer layer = checked(collectionId, published, cached.isPresent()
                ? Optional.of(cached.get().schema()) : store.schema(storeLayer));
        String scenarioId = scenario(layer, scenario);
        String version;
        if (cached.isPresent()) {
            version = contentVersion(cached.get(), layer.published().scenarioColumn(), scenarioId);
        } else {
            LayerInfo info = store.info(storeLayer).orElseThrow(() -> unknown(collectionId));
            version = layerVersion(LayerVersion.of(info));
        }
        TileCache.Key key = new TileCache.Key(storeLayer, scenarioId, version, layer.attributes(), zoom, row, col);
        TileCache.Entry entry = tiles.get(key, () -> encode(layer, cached, scenarioId, zoom, row, col));
        return new Tile(entry.mvt(), entry.etag(), layer.restricted());
    }

    /**
     * The version a tile is filed under. An input layer: its committed version. A scenario of a
     * result layer held in memory: the content hash of that scenario's rows, so that a new run
     * (which changes the whole layer's registry version) re-encodes only its own scenario's tiles.
     * A result layer read from the store (too big for the memory budget) falls back to the layer
     * version: every scenario's tiles are re-encoded after a run.
     */
    static String contentVersion(CachedLayer layer, String scenarioColumn, String scenario) {
        if (scenarioColumn == null || scenario == null) {
            return layerVersion(layer.version());
        }
        return "partition:" + Long.toHexString(layer.partitionHash(scenarioColumn, scenario));
    }

    private static String layerVersion(LayerVersion v) {
        return "layer:" + v.committedAt() + "/" + v.featureCount();
    }

    private static String scenario(TileLayer layer, Optional<String> requested) {
        if (layer.published().scenarioColumn() == null) {
            return null; // the parameter does not apply; ignored as WMS does for input layers
        }
        // The one rule for scenario ids (ScenarioSelection): same check and message as WFS and WMS.
        return ScenarioSelection.validated(requested.filter(v -> !v.isBlank()), "scenario")
                .orElse(ScenarioIds.DEFAULT_ID);
    }

    private TileCache.Entry encode(TileLayer layer, Optional<CachedLayer> cached, String scenario, int zoom, long row,
                                   long col) {
        Envelope tile = WebMercatorQuad.envelope(zoom, row, col);
        double span = tile.getWidth();
        double buffer = span * settings.bufferPixels() / WebMercatorQuad.TILE_PIXELS;
        Envelope read3857 = new Envelope(tile);
        read3857.expandBy(buffer);
        Envelope box = zoom >= MIN_ZOOM_FOR_STORAGE_BOX
                ? CrsTransforms.transform(read3857, WebMercatorQuad.EPSG, FeatureStore.STORAGE_SRID) : null;
        // A screen pixel of this zoom in Lambert-93 metres (the two CRSs' scales agree within a few
        // per cent over France; the generalisation only needs the order of magnitude).
        double pixelStorage = box == null ? span / WebMercatorQuad.TILE_PIXELS
                : box.getWidth() / (WebMercatorQuad.TILE_PIXELS * (1 + 2.0 * settings.bufferPixels() / WebMercatorQuad.TILE_PIXELS));
        int clipUnits = (int) Math.ceil(EXTENT * (double) settings.bufferPixels() / WebMercatorQuad.TILE_PIXELS);
        // The geometries are already generalised (quarter pixel) and, from the map cache, valid:
        // the encoder only clips what crosses the buffer's edge and rounds to tile units.
        MvtEncoder mvt = new MvtEncoder(layer.published().name(), layer.attributes(), tile, EXTENT, clipUnits);
        String scenarioColumn = layer.published().scenarioColumn();
        Visitor visit = (feature, geometry) -> {
            if (geometry == null || geometry.isEmpty()) {
                return;
            }
            if (scenario != null && !scenario.equals(feature.get(scenarioColumn))) {
                return;
            }
            // From the map cache the geometry is already in EPSG:3857 (projected once, shared: only
            // read); from the store it is in Lambert-93, at full detail.
            Geometry web = geometry.getSRID() == WebMercatorQuad.EPSG ? geometry
                    : CrsTransforms.transform(geometry, FeatureStore.STORAGE_SRID, WebMercatorQuad.EPSG);
            if (!web.getEnvelopeInternal().intersects(read3857)) {
                return;
            }
            mvt.add(name -> value(feature, name), web);
        };
        if (cached.isPresent()) {
            cached.get().forEachValid(box == null ? new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                    Double.MAX_VALUE) : box, pixelStorage, WebMercatorQuad.EPSG, visit::visit);
        } else {
            readStore(layer, scenario, box, visit);
        }
        byte[] bytes = mvt.bytes();
        return new TileCache.Entry(bytes, etag(bytes));
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(Feature feature, Geometry geometry);
    }

    /** When the layer is not held in memory: the store's spatial index, one scenario, full geometries. */
    private void readStore(TileLayer layer, String scenario, Envelope box, Visitor visit) {
        Filter filter = scenario == null ? null
                : ScenarioSelection.apply(layer.published(), null, Optional.of(scenario));
        List<String> properties = new ArrayList<>(layer.attributes());
        if (scenario != null && !properties.contains(layer.published().scenarioColumn())) {
            properties.add(layer.published().scenarioColumn());
        }
        FeatureQuery q = FeatureQuery.all().withBbox(box).withFilter(filter).withProperties(properties)
                .withTimeout(requestTimeout);
        try (FeatureCursor c = store.query(layer.published().storeLayer(), q)) {
            while (c.hasNext()) {
                Feature f = c.next();
                visit.visit(f, f.geometry());
            }
        }
    }

    /** An attribute's value; one the MVT encoding has no type for (a date) is written as text. */
    private static Object value(Feature feature, String name) {
        Object v = feature.get(name);
        return v instanceof TemporalAccessor ? v.toString() : v;
    }

    /** Strong entity tag from the tile's bytes: equal bytes, equal tag, whatever the layer version. */
    static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tile cache, for tests. */
    TileCache tileCache() {
        return tiles;
    }
}
