package fr.carence.ogc.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API - Tiles (Part 1, "core", "tileset", "tilesets-list", "dataset/geodata tilesets" with
 * the MVT encoding) under {@code /ogc}: the tile matrix sets, each collection's tilesets and its
 * tiles. Errors are OGC API exception documents ({@code {"code", "description"}}) in French.
 *
 * <p>Caching: every tile carries a strong ETag (hash of its bytes) and {@code Cache-Control:
 * no-cache} (clients keep it and revalidate, getting 304 while the tile is unchanged, so a new
 * scenario or a reload shows at once), {@code private} when the caller is authenticated or the
 * layer is restricted, so a shared proxy never hands it to someone else. A tile without features
 * is answered {@code 204 No Content} (allowed by OGC API - Tiles, requirement /req/core/tc-success).
 */
@RestController
public class TilesEndpoint {

    public static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TILING_SCHEME_REL = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private final VectorTileService tiles;
    private final CallerRoles caller;
    private final LayerExtents extents;
    private final OgcSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public TilesEndpoint(VectorTileService tiles, ObjectProvider<CallerRoles> caller, FeatureStore store, OgcSettings settings) {
        this(tiles, caller.getIfAvailable(CallerRoles::anonymous), LayerExtents.of(store), settings);
    }

    TilesEndpoint(VectorTileService tiles, CallerRoles caller, LayerExtents extents, OgcSettings settings) {
        this.tiles = tiles;
        this.caller = caller;
        this.extents = extents;
        this.settings = settings;
    }

    @GetMapping(value = "/ogc/tileMatrixSets", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> tileMatrixSets(HttpServletRequest request) {
        String base = base(request);
        ObjectNode doc = json.createObjectNode();
        link(doc.putArray("links"), base + "/tileMatrixSets", "self", MediaType.APPLICATION_JSON_VALUE, "Jeux de matrices de tuiles");
        ObjectNode tms = doc.putArray("tileMatrixSets").addObject();
        tms.put("id", WebMercatorQuad.ID);
        tms.put("title", "Google Maps Compatible for the World");
        tms.put("uri", WebMercatorQuad.URI);
        tms.put("crs", WebMercatorQuad.CRS_URI);
        link(tms.putArray("links"), base + "/tileMatrixSets/" + WebMercatorQuad.ID, TILING_SCHEME_REL,
                MediaType.APPLICATION_JSON_VALUE, "Définition de " + WebMercatorQuad.ID);
        return ok(doc);
    }

    @GetMapping(value = "/ogc/tileMatrixSets/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> tileMatrixSet(@PathVariable String tileMatrixSetId) {
        requireWebMercatorQuad(tileMatrixSetId);
        return ok(WebMercatorQuad.definition());
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> tilesets(@PathVariable String collectionId,
                                               @RequestParam(required = false) String scenario, HttpServletRequest request) {
        VectorTileService.TileLayer layer = tiles.layer(collectionId);
        String base = base(request);
        String self = base + "/collections/" + collectionId + "/tiles";
        ObjectNode doc = json.createObjectNode();
        link(doc.putArray("links"), self + query(scenario), "self", MediaType.APPLICATION_JSON_VALUE, "Tuiles de " + collectionId);
        ObjectNode ts = doc.putArray("tilesets").addObject();
        ts.put("title", layer.published().title() + " (" + WebMercatorQuad.ID + ")");
        ts.put("dataType", "vector");
        ts.put("crs", WebMercatorQuad.CRS_URI);
        ts.put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode links = ts.putArray("links");
        link(links, self + "/" + WebMercatorQuad.ID + query(scenario), "self", MediaType.APPLICATION_JSON_VALUE,
                "Métadonnées du jeu de tuiles");
        link(links, base + "/tileMatrixSets/" + WebMercatorQuad.ID, TILING_SCHEME_REL, MediaType.APPLICATION_JSON_VALUE,
                WebMercatorQuad.ID);
        return answer(doc, layer);
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> tileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                                              @RequestParam(required = false) String scenario, HttpServletRequest request) {
        requireWebMercatorQuad(tileMatrixSetId);
        VectorTileService.TileLayer layer = tiles.layer(collectionId);
        String base = base(request);
        String self = base + "/collections/" + collectionId + "/tiles/" + WebMercatorQuad.ID;
        ObjectNode doc = json.createObjectNode();
        doc.put("title", layer.published().title());
        doc.put("description", layer.published().abstractText());
        doc.put("dataType", "vector");
        doc.put("crs", WebMercatorQuad.CRS_URI);
        doc.put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode links = doc.putArray("links");
        link(links, self + query(scenario), "self", MediaType.APPLICATION_JSON_VALUE, "Ce jeu de tuiles");
        link(links, base + "/tileMatrixSets/" + WebMercatorQuad.ID, TILING_SCHEME_REL, MediaType.APPLICATION_JSON_VALUE,
                WebMercatorQuad.ID);
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
        return answer(doc, layer);
    }

    /**
     * A style of the collection (its SLD, as parsed for WMS) as JSON rules with CQL2-JSON filters:
     * what the web map draws the vector tiles with, so its classes and colours are the SLD's.
     */
    @GetMapping(value = "/ogc/collections/{collectionId}/styles/{styleId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> style(@PathVariable String collectionId, @PathVariable String styleId) {
        return answer(tiles.style(collectionId, styleId), tiles.layer(collectionId));
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    public ResponseEntity<byte[]> tile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                                       @PathVariable String tileMatrix, @PathVariable String tileRow,
                                       @PathVariable String tileCol, @RequestParam(required = false) String scenario,
                                       @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        requireWebMercatorQuad(tileMatrixSetId);
        int z = (int) index(tileMatrix, "tileMatrix");
        VectorTileService.Tile tile = tiles.tile(collectionId, z, index(tileRow, "tileRow"), index(tileCol, "tileCol"),
                Optional.ofNullable(scenario));
        String cacheControl = (tile.restricted() || !caller.current().isEmpty() ? "private" : "public") + ", no-cache";
        if (ifNoneMatch != null && matches(ifNoneMatch, tile.etag())) {
            return ResponseEntity.status(304).eTag(tile.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        if (tile.empty()) {
            return ResponseEntity.noContent().eTag(tile.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MVT)).eTag(tile.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).body(tile.mvt());
    }

    /** If-None-Match holds {@code *} or a list of tags; weak tags compare by their value (RFC 9110 §13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ObjectNode> error(Exception e) {
        int status;
        String code;
        String message;
        if (e instanceof TileException t) {
            status = t.status();
            code = status == 404 ? "NotFound" : "InvalidParameterValue";
            message = t.getMessage();
        } else {
            // Store failures (timeout, database down) read as they do for WFS and WMS.
            OwsException o = OwsExceptionTranslator.translate(e);
            status = o.httpStatus();
            code = o.code();
            message = o.getMessage();
        }
        ObjectNode doc = json.createObjectNode();
        doc.put("code", code);
        doc.put("description", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(doc);
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

    private ResponseEntity<ObjectNode> ok(ObjectNode doc) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(doc);
    }

    /** Metadata naming a restricted layer is no more public than the layer. */
    private ResponseEntity<ObjectNode> answer(ObjectNode doc, VectorTileService.TileLayer layer) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (layer.restricted() || !caller.current().isEmpty()) {
            b.header(HttpHeaders.CACHE_CONTROL, "private");
        }
        return b.body(doc);
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
        return scenario == null || scenario.isBlank() ? ""
                : "?scenario=" + java.net.URLEncoder.encode(scenario, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The {@code /ogc} root URL, behind a proxy from {@code carence.ogc.public-base-url}. */
    private String base(HttpServletRequest request) {
        if (!settings.publicBaseUrl().isEmpty()) {
            return settings.publicBaseUrl() + "/ogc";
        }
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf("/ogc/") + 4);
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
