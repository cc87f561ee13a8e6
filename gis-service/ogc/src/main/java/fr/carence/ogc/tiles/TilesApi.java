package fr.carence.ogc.tiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.error.ApiExceptionWriter;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.store.LayerSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API - Tiles (Part 1, "core", "tileset", "tilesets-list", "dataset/geodata tilesets" with
 * the MVT encoding) under {@code /ogc}: the tile matrix sets, each collection's tilesets and its
 * tiles, as answer values ({@link OgcResponse}) that {@link TilesEndpoint} sends. Errors are OGC
 * API exception documents ({@code {"code", "description"}}) in French.
 *
 * <p>Caching: every tile carries a strong ETag (hash of its bytes) and {@code Cache-Control:
 * no-cache} (clients keep it and revalidate, getting 304 while the tile is unchanged, so a new
 * scenario or a reload shows at once), {@code private} when the caller is authenticated or the
 * layer is restricted, so a shared proxy never hands it to someone else. A tile without features
 * is answered {@code 204 No Content} (allowed by OGC API - Tiles, requirement /req/core/tc-success).
 */
public final class TilesApi {

    public static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String JSON_TYPE = "application/json";
    static final String TILING_SCHEME_REL = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private final VectorTileService tiles;
    private final CallerRoles caller;
    private final LayerExtents extents;
    private final ObjectMapper json = new ObjectMapper();

    public TilesApi(VectorTileService tiles, CallerRoles caller, LayerExtents extents) {
        this.tiles = tiles;
        this.caller = caller;
        this.extents = extents;
    }

    /** @param base the {@code /ogc} root URL */
    public OgcResponse tileMatrixSets(String base) {
        ObjectNode doc = json.createObjectNode();
        link(doc.putArray("links"), base + "/tileMatrixSets", "self", JSON_TYPE, "Jeux de matrices de tuiles");
        ObjectNode tms = doc.putArray("tileMatrixSets").addObject();
        tms.put("id", WebMercatorQuad.ID);
        tms.put("title", "Google Maps Compatible for the World");
        tms.put("uri", WebMercatorQuad.URI);
        tms.put("crs", WebMercatorQuad.CRS_URI);
        link(tms.putArray("links"), base + "/tileMatrixSets/" + WebMercatorQuad.ID, TILING_SCHEME_REL,
                JSON_TYPE, "Définition de " + WebMercatorQuad.ID);
        return document(doc, false);
    }

    public OgcResponse tileMatrixSet(String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        return document(WebMercatorQuad.definition(), false);
    }

    public OgcResponse tilesets(String collectionId, String scenario, String base) {
        VectorTileService.TileLayer layer = tiles.layer(collectionId);
        String self = base + "/collections/" + collectionId + "/tiles";
        ObjectNode doc = json.createObjectNode();
        link(doc.putArray("links"), self + query(scenario), "self", JSON_TYPE, "Tuiles de " + collectionId);
        ObjectNode ts = doc.putArray("tilesets").addObject();
        ts.put("title", layer.published().title() + " (" + WebMercatorQuad.ID + ")");
        ts.put("dataType", "vector");
        ts.put("crs", WebMercatorQuad.CRS_URI);
        ts.put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode links = ts.putArray("links");
        link(links, self + "/" + WebMercatorQuad.ID + query(scenario), "self", JSON_TYPE, "Métadonnées du jeu de tuiles");
        link(links, base + "/tileMatrixSets/" + WebMercatorQuad.ID, TILING_SCHEME_REL, JSON_TYPE, WebMercatorQuad.ID);
        return document(doc, privateTo(layer));
    }

    public OgcResponse tileset(String collectionId, String tileMatrixSetId, String scenario, String base) {
        requireWebMercatorQuad(tileMatrixSetId);
        VectorTileService.TileLayer layer = tiles.layer(collectionId);
        String self = base + "/collections/" + collectionId + "/tiles/" + WebMercatorQuad.ID;
        ObjectNode doc = json.createObjectNode();
        doc.put("title", layer.published().title());
        doc.put("description", layer.published().abstractText());
        doc.put("dataType", "vector");
        doc.put("crs", WebMercatorQuad.CRS_URI);
        doc.put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode links = doc.putArray("links");
        link(links, self + query(scenario), "self", JSON_TYPE, "Ce jeu de tuiles");
        link(links, base + "/tileMatrixSets/" + WebMercatorQuad.ID, TILING_SCHEME_REL, JSON_TYPE, WebMercatorQuad.ID);
        link(links, self + "/{tileMatrix}/{tileRow}/{tileCol}" + query(scenario), "item", MVT, "Tuiles vectorielles (MVT)")
                .put("templated", true);
        ObjectNode l = doc.putArray("layers").addObject();
        l.put("id", layer.published().name());
        l.put("title", layer.published().title());
        l.put("dataType", "vector");
        l.put("geometryDimension", dimension(layer.schema().geometryType()));
        l.put("minTileMatrix", "0");
        l.put("maxTileMatrix", Integer.toString(WebMercatorQuad.MAX_ZOOM));
        ObjectNode props = l.putObject("propertiesSchema");
        props.put("type", "object");
        ObjectNode p = props.putObject("properties");
        for (String a : layer.attributes()) {
            layer.schema().attribute(a).ifPresent(att -> p.putObject(a).put("type", jsonType(att.type())));
        }
        Optional<Envelope> bbox = extents.wgs84(layer.published().storeLayer());
        bbox.filter(e -> !e.isNull()).ifPresent(e -> {
            ObjectNode b = doc.putObject("boundingBox");
            b.putArray("lowerLeft").add(e.getMinX()).add(e.getMinY());
            b.putArray("upperRight").add(e.getMaxX()).add(e.getMaxY());
            b.put("crs", CRS84);
        });
        return document(doc, privateTo(layer));
    }

    /**
     * A style of the collection (its SLD, as parsed for WMS) as JSON rules with CQL2-JSON filters:
     * what the web map draws the vector tiles with, so its classes and colours are the SLD's.
     */
    public OgcResponse style(String collectionId, String styleId) {
        ObjectNode doc = tiles.style(collectionId, styleId);
        return document(doc, privateTo(tiles.layer(collectionId)));
    }

    /** One tile: MVT with its ETag, 304 when {@code ifNoneMatch} names it, 204 when empty. */
    public OgcResponse tile(String collectionId, String tileMatrixSetId, String tileMatrix, String tileRow, String tileCol,
                            String scenario, String ifNoneMatch) {
        requireWebMercatorQuad(tileMatrixSetId);
        int z = (int) index(tileMatrix, "tileMatrix");
        VectorTileService.Tile tile = tiles.tile(collectionId, z, index(tileRow, "tileRow"), index(tileCol, "tileCol"),
                Optional.ofNullable(scenario));
        String cacheControl = (tile.restricted() || !caller.current().isEmpty() ? "private" : "public") + ", no-cache";
        Map<String, String> headers = Map.of("ETag", tile.etag(), "Cache-Control", cacheControl);
        if (ifNoneMatch != null && matches(ifNoneMatch, tile.etag())) {
            return OgcResponse.empty(304, headers);
        }
        if (tile.empty()) {
            return OgcResponse.empty(204, headers);
        }
        return OgcResponse.of(200, MVT, headers, tile.mvt());
    }

    /** If-None-Match holds {@code *} or a list of tags; weak tags compare by their value (RFC 9110 §13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    /** Any failure of the above as an OGC API exception document, never stored by a cache. */
    public OgcResponse error(Throwable e) {
        OwsException report;
        if (e instanceof TileException t) {
            report = new OwsException(t.status() == 404 ? "NotFound" : OwsException.INVALID_PARAMETER_VALUE, t.parameter(),
                    t.status(), t.getMessage());
        } else {
            // Store failures (timeout, database down) read as they do for WFS and WMS.
            report = OwsExceptionTranslator.translate(e);
        }
        return ApiExceptionWriter.response(report, Map.of("Cache-Control", "no-store"));
    }

    private static void requireWebMercatorQuad(String id) {
        if (!WebMercatorQuad.ID.equals(id)) {
            throw TileException.notFound("tileMatrixSetId", "Jeu de matrices de tuiles inconnu : « " + id
                    + " » (seul " + WebMercatorQuad.ID + " est servi).");
        }
    }

    private static long index(String value, String parameter) {
        try {
            long v = Long.parseLong(value);
            if (v >= 0 && v < (1L << WebMercatorQuad.MAX_ZOOM)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TileException.badRequest(parameter, "Paramètre " + parameter + " invalide : « " + value
                + " » (entier positif attendu).");
    }

    /** Metadata naming a restricted layer is no more public than the layer. */
    private boolean privateTo(VectorTileService.TileLayer layer) {
        return layer.restricted() || !caller.current().isEmpty();
    }

    private OgcResponse document(ObjectNode doc, boolean privateAnswer) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (privateAnswer) {
            headers.put("Cache-Control", "private");
        }
        try {
            return OgcResponse.of(200, JSON_TYPE, headers, json.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tiles document", e);
        }
    }

    private static ObjectNode link(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }

    private static String query(String scenario) {
        return scenario == null || scenario.isBlank() ? "" : "?scenario=" + URLEncoder.encode(scenario, StandardCharsets.UTF_8);
    }

    private static int dimension(LayerSchema.GeometryType type) {
        return switch (type) {
            case POINT, MULTIPOINT -> 0;
            case LINESTRING, MULTILINESTRING -> 1;
            default -> 2;
        };
    }

    private static String jsonType(LayerSchema.AttributeType type) {
        return switch (type) {
            case INTEGER, LONG -> "integer";
            case DOUBLE -> "number";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }
}
