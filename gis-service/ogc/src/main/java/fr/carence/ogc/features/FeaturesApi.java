package fr.carence.ogc.features;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.core.ClientCrsCursor;
import fr.carence.ogc.core.ReadAheadCursor;
import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.LayerSelection;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.PagePlan;
import fr.carence.ogc.core.Pager;
import fr.carence.ogc.core.ResolvedLayer;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.format.GeoJsonFeatureCollectionWriter;
import fr.carence.ogc.format.LayerFeatures;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.filter.Filter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OGC API Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS by reference; Part 3
 * filtering with CQL2 text and JSON, queryables; sortby) over the same catalogue, read rules and
 * store as WFS: layers come from {@link LayerResolver} (a hidden layer is unknown, 404), pages
 * from WFS's {@link Pager}, coordinates from WFS's CRS-aware cursor, ids from {@link FeatureIds}.
 * One method per resource; each returns an {@link OgcResponse} that the web layer writes.
 */
public final class FeaturesApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GEOJSON = "application/geo+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String SCHEMA_JSON = "application/schema+json";

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting",
            // OGC API - Tiles Part 1 (fr.carence.ogc.tiles): vector tilesets of each collection with geometries.
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

    private static final Set<String> FORMAT_ONLY = Set.of("f");

    private final LayerResolver resolver;
    private final FeatureStore store;
    private final LayerExtents extents;
    private final Pager pager;
    private final int maxLimit;
    private final Duration timeout;
    private final String title;

    /**
     * @param catalog the catalogue as the caller may see it ({@code ReadableLayersCatalog})
     * @param maxLimit largest page ({@code carence.ogc.max-features})
     * @param exactCountLimit as for WFS: above it an unfiltered table is not counted
     * @param timeout query timeout of every store read (null = none)
     */
    public FeaturesApi(Catalog catalog, FeatureStore store, int maxLimit, long exactCountLimit, Duration timeout, String title) {
        this.resolver = new LayerResolver(catalog, store);
        this.store = store;
        this.extents = LayerExtents.of(store);
        this.pager = new Pager(store, exactCountLimit);
        this.maxLimit = maxLimit;
        this.timeout = timeout;
        this.title = title;
    }

    // ---------------------------------------------------------------- landing, conformance, api

    public OgcResponse landing(ApiRequest req) {
        req.allowOnly(FORMAT_ONLY);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("title", title);
        doc.put("description", "Couches de Carence (entrées officielles et résultats d'analyse) en OGC API Features ; "
                + "les mêmes données et les mêmes droits de lecture que le WFS 2.0 (/wfs).");
        ArrayNode links = doc.putArray("links");
        String root = req.rootUrl();
        selfLinks(links, root, "application/json", "Cette page");
        link(links, root + "/api", "service-desc", OPENAPI, "Définition OpenAPI 3.0 de l'API");
        link(links, root + "/api?f=html", "service-doc", "text/html", "Documentation de l'API");
        link(links, root + "/conformance", "conformance", "application/json", "Classes de conformité");
        link(links, root + "/conformance", "http://www.opengis.net/def/rel/ogc/1.0/conformance", "application/json",
                "Classes de conformité");
        link(links, root + "/collections", "data", "application/json", "Collections");
        link(links, root + "/collections", "http://www.opengis.net/def/rel/ogc/1.0/data", "application/json", "Collections");
        link(links, root + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", "application/json",
                "Jeux de matrices de tuiles (tuiles vectorielles)");
        return answer(req, doc, "application/json", title);
    }

    public OgcResponse conformance(ApiRequest req) {
        req.allowOnly(FORMAT_ONLY);
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode conformsTo = doc.putArray("conformsTo");
        CONFORMANCE.forEach(conformsTo::add);
        selfLinks(doc.putArray("links"), req.rootUrl() + "/conformance", "application/json", "Classes de conformité");
        return answer(req, doc, "application/json", "Classes de conformité");
    }

    public OgcResponse api(ApiRequest req) {
        req.allowOnly(FORMAT_ONLY);
        ObjectNode doc = OpenApiDocument.build(req.rootUrl(), title, maxLimit, ItemsQuery.DEFAULT_LIMIT,
                resolver.available().stream().map(ResolvedLayer::name).toList());
        return answer(req, doc, OPENAPI, "Définition OpenAPI");
    }

    // ---------------------------------------------------------------- collections

    public OgcResponse collections(ApiRequest req) {
        req.allowOnly(FORMAT_ONLY);
        ObjectNode doc = JSON.createObjectNode();
        selfLinks(doc.putArray("links"), req.rootUrl() + "/collections", "application/json", "Collections");
        ArrayNode list = doc.putArray("collections");
        List<ResolvedLayer> layers = resolver.available();
        for (ResolvedLayer l : layers) {
            list.add(collectionDoc(req, l));
        }
        ArrayNode crs = doc.putArray("crs");
        layers.stream().flatMap(l -> ApiCrs.offered(l.published()).stream()).distinct().forEach(crs::add);
        return answer(req, doc, "application/json", "Collections");
    }

    public OgcResponse collection(ApiRequest req, String collectionId) {
        req.allowOnly(FORMAT_ONLY);
        ResolvedLayer layer = layer(collectionId);
        return answer(req, collectionDoc(req, layer), "application/json", layer.published().title());
    }

    private ObjectNode collectionDoc(ApiRequest req, ResolvedLayer l) {
        PublishedLayer p = l.published();
        String base = req.rootUrl() + "/collections/" + p.name();
        ObjectNode c = JSON.createObjectNode();
        c.put("id", p.name());
        c.put("title", p.title());
        if (p.abstractText() != null) {
            c.put("description", p.abstractText());
        }
        if (!p.keywords().isEmpty()) {
            ArrayNode k = c.putArray("keywords");
            p.keywords().forEach(k::add);
        }
        ArrayNode links = c.putArray("links");
        link(links, base, "self", "application/json", p.title());
        link(links, base + "?f=html", "alternate", "text/html", p.title() + " (HTML)");
        link(links, base + "/items", "items", GEOJSON, "Objets (GeoJSON)");
        link(links, base + "/items?f=html", "items", "text/html", "Objets (HTML)");
        link(links, base + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", SCHEMA_JSON,
                "Propriétés filtrables");
        c.put("itemType", "feature");
        if (l.schema().hasGeometry()) {
            Optional<org.locationtech.jts.geom.Envelope> e = extents.wgs84(p.storeLayer());
            if (e.isPresent()) {
                ObjectNode spatial = c.putObject("extent").putObject("spatial");
                ArrayNode bbox = spatial.putArray("bbox").addArray();
                bbox.add(e.get().getMinX()).add(e.get().getMinY()).add(e.get().getMaxX()).add(e.get().getMaxY());
                spatial.put("crs", ApiCrs.CRS84);
            }
            // OGC API - Tiles: every layer with geometries has vector tiles (fr.carence.ogc.tiles).
            link(links, base + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json",
                    "Tuiles vectorielles (MVT, WebMercatorQuad)");
            ArrayNode crs = c.putArray("crs");
            ApiCrs.offered(p).forEach(crs::add);
            c.put("storageCrs", ApiCrs.uri(p.nativeEpsg()));
        }
        ItemsQuery.timeAttribute(l.schema()).ifPresent(t -> c.put("x-carence-proprieteTemporelle", t.name()));
        if (p.scenarioColumn() != null) {
            c.put("x-carence-scenarioParDefaut", fr.carence.store.ScenarioIds.DEFAULT_ID);
        }
        return c;
    }

    public OgcResponse queryables(ApiRequest req, String collectionId) {
        req.allowOnly(FORMAT_ONLY);
        ResolvedLayer layer = layer(collectionId);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", req.rootUrl() + "/collections/" + layer.name() + "/queryables");
        doc.put("type", "object");
        doc.put("title", layer.published().title());
        ObjectNode props = doc.putObject("properties");
        if (layer.schema().hasGeometry()) {
            ObjectNode g = props.putObject(LayerSchema.GEOMETRY_COLUMN);
            g.put("title", "Géométrie");
            g.put("format", "geometry-" + layer.schema().geometryType().name().toLowerCase(java.util.Locale.ROOT));
            g.put("x-ogc-role", "primary-geometry");
        }
        for (LayerSchema.Attribute a : layer.schema().attributes()) {
            ObjectNode q = props.putObject(a.name());
            q.put("title", a.name());
            switch (a.type()) {
                case STRING -> q.put("type", "string");
                case INTEGER, LONG -> q.put("type", "integer");
                case DOUBLE -> q.put("type", "number");
                case BOOLEAN -> q.put("type", "boolean");
                case DATE -> q.put("type", "string").put("format", "date");
                case TIMESTAMP -> q.put("type", "string").put("format", "date-time");
            }
        }
        doc.put("additionalProperties", false);
        return answer(req, doc, SCHEMA_JSON, "Propriétés filtrables : " + layer.published().title());
    }

    // ---------------------------------------------------------------- items

    public OgcResponse items(ApiRequest req, String collectionId) {
        ResolvedLayer layer = layer(collectionId);
        boolean html = req.wantsHtml();
        ItemsQuery q = ItemsQuery.parse(req, layer, maxLimit, timeout);
        PagePlan plan = pager.plan(List.of(q.selection()), q.offset(), q.limit());
        String base = req.rootUrl() + "/collections/" + layer.name() + "/items";
        Map<String, String> params = new LinkedHashMap<>(req.params());
        List<ApiLink> links = new ArrayList<>();
        links.add(new ApiLink(url(base, params, null), "self", html ? "text/html" : GEOJSON, "Cette page"));
        links.add(new ApiLink(url(base, params, html ? "json" : "html"), "alternate", html ? GEOJSON : "text/html",
                html ? "Cette page en GeoJSON" : "Cette page en HTML"));
        if (plan.more()) {
            links.add(new ApiLink(page(base, params, q.offset() + q.limit(), q.limit()), "next", html ? "text/html" : GEOJSON,
                    "Page suivante"));
        }
        if (q.offset() > 0) {
            links.add(new ApiLink(page(base, params, Math.max(0, q.offset() - q.limit()), q.limit()), "prev",
                    html ? "text/html" : GEOJSON, "Page précédente"));
        }
        links.add(new ApiLink(req.rootUrl() + "/collections/" + layer.name(), "collection", "application/json",
                layer.published().title()));
        List<LayerFeatures> parts = new ArrayList<>();
        for (PagePlan.Part part : plan.parts()) {
            parts.add(features(part.selection(), part.query(), q.crs()));
        }
        Instant now = Instant.now();
        if (html) {
            return OgcResponse.html(HtmlPages.items(layer.published().title(), parts, plan, links, req.rootUrl()));
        }
        Map<String, String> headers = Map.of("Content-Crs", "<" + ApiCrs.uriOf(q.crs()) + ">");
        return OgcResponse.ok(GEOJSON, headers, out -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                g.writeArrayFieldStart("features");
                for (LayerFeatures lf : parts) {
                    try (FeatureCursor c = lf.cursor().get()) {
                        while (c.hasNext()) {
                            GeoJsonFeatureCollectionWriter.writeFeature(g, lf, c.next());
                        }
                    }
                }
                g.writeEndArray();
                if (plan.numberMatched().isPresent()) {
                    g.writeNumberField("numberMatched", plan.numberMatched().getAsLong());
                }
                g.writeNumberField("numberReturned", plan.numberReturned());
                g.writeStringField("timeStamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
                writeLinks(g, links);
                g.writeEndObject();
            }
        });
    }

    public OgcResponse item(ApiRequest req, String collectionId, String featureId) {
        ResolvedLayer layer = layer(collectionId);
        boolean html = req.wantsHtml();
        req.allowOnly(Set.of("f", "crs"));
        CrsName crs = ApiCrs.parameter(req, "crs", layer.published());
        String storeId = FeatureIds.decode(layer.name(), featureId).orElseThrow(() -> notFound(featureId, layer));
        // The id names one feature, of whatever scenario: no scenario selection here.
        List<String> attributes = layer.schema().attributes().stream().map(LayerSchema.Attribute::name).toList();
        FeatureQuery q = FeatureQuery.all().withTimeout(timeout).withFilter(new Filter.ResourceIds(List.of(storeId)))
                .withProperties(attributes).withPage(0, 1);
        if (!layer.schema().hasGeometry()) {
            q = q.withoutGeometry();
        }
        LayerFeatures lf = features(new LayerSelection(layer, q, attributes, layer.schema().hasGeometry()), q, crs);
        Feature f;
        try (FeatureCursor c = lf.cursor().get()) {
            if (!c.hasNext()) {
                throw notFound(featureId, layer);
            }
            f = c.next();
        }
        String self = req.rootUrl() + "/collections/" + layer.name() + "/items/" + featureId;
        List<ApiLink> links = List.of(
                new ApiLink(self, "self", html ? "text/html" : GEOJSON, "Cet objet"),
                new ApiLink(self + (html ? "?f=json" : "?f=html"), "alternate", html ? GEOJSON : "text/html",
                        html ? "Cet objet en GeoJSON" : "Cet objet en HTML"),
                new ApiLink(req.rootUrl() + "/collections/" + layer.name(), "collection", "application/json",
                        layer.published().title()));
        if (html) {
            return OgcResponse.html(HtmlPages.item(layer.published().title(), lf, f, links, req.rootUrl()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            GeoJsonFeatureCollectionWriter.writeFeatureMembers(g, lf, f);
            writeLinks(g, links);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = bytes.toByteArray();
        return OgcResponse.ok(GEOJSON, Map.of("Content-Crs", "<" + ApiCrs.uriOf(crs) + ">"), out -> out.write(body));
    }

    private LayerFeatures features(LayerSelection s, FeatureQuery paged, CrsName crs) {
        return new LayerFeatures(s.layer().name(), s.layer().schema(), s.attributes(), s.geometry(),
                () -> ReadAheadCursor.of(new ClientCrsCursor(store.query(s.layer().storeLayer(), paged), crs)));
    }

    // ---------------------------------------------------------------- helpers

    /** A collection id is a bare layer name: hidden, uncatalogued, unloaded or qualified names are all unknown (404). */
    private ResolvedLayer layer(String collectionId) {
        if (collectionId.indexOf(':') < 0) {
            Optional<PublishedLayer> p = resolver.catalog().layer(collectionId);
            Optional<LayerSchema> s = p.flatMap(l -> store.schema(l.storeLayer()));
            if (s.isPresent()) {
                // Column read rules: a column the caller may not read is absent from queryables,
                // items, filters and sortby alike, exactly like a column that does not exist.
                return new ResolvedLayer(p.get(), resolver.catalog().readableSchema(p.get(), s.get()));
            }
        }
        throw new OwsException("NotFound", "collectionId", 404, "Collection inconnue : « " + collectionId
                + " » (voir /ogc/collections).");
    }

    private static OwsException notFound(String featureId, ResolvedLayer layer) {
        return new OwsException("NotFound", "featureId", 404, "Aucun objet d'identifiant « " + featureId
                + " » dans la collection " + layer.name() + ".");
    }

    private OgcResponse answer(ApiRequest req, ObjectNode doc, String jsonType, String pageTitle) {
        if (req.wantsHtml()) {
            return OgcResponse.html(HtmlPages.document(pageTitle, doc, req.rootUrl()));
        }
        try {
            return OgcResponse.ok(jsonType, JSON.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void selfLinks(ArrayNode links, String url, String type, String title) {
        link(links, url, "self", type, title);
        link(links, url + "?f=html", "alternate", "text/html", title + " (HTML)");
    }

    static void link(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
    }

    private static void writeLinks(JsonGenerator g, List<ApiLink> links) throws IOException {
        g.writeArrayFieldStart("links");
        for (ApiLink l : links) {
            g.writeStartObject();
            g.writeStringField("href", l.href());
            g.writeStringField("rel", l.rel());
            g.writeStringField("type", l.type());
            g.writeStringField("title", l.title());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String page(String base, Map<String, String> params, long offset, long limit) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("offset", Long.toString(offset));
        p.put("limit", Long.toString(limit));
        return url(base, p, null);
    }

    private static String url(String base, Map<String, String> params, String format) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (format != null) {
            p.put("f", format);
        }
        StringBuilder sb = new StringBuilder(base);
        char sep = '?';
        for (Map.Entry<String, String> e : p.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
