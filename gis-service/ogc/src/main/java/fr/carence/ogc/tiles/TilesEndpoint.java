package fr.carence.ogc.tiles;

import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.ogc.web.OgcApiEndpoint;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.ogc.web.ServletAnswers;
import fr.carence.store.FeatureStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web binding of OGC API - Tiles ({@link TilesApi}): maps the {@code /ogc} tile paths to its
 * operations and sends their answers; the only class of the tiles that touches HTTP.
 */
@Controller
public class TilesEndpoint {

    public static final String MVT = TilesApi.MVT;

    private final TilesApi api;
    private final OgcSettings settings;

    @Autowired
    public TilesEndpoint(VectorTileService tiles, ObjectProvider<CallerRoles> caller, FeatureStore store, OgcSettings settings) {
        this(tiles, caller.getIfAvailable(CallerRoles::anonymous), LayerExtents.of(store), settings);
    }

    TilesEndpoint(VectorTileService tiles, CallerRoles caller, LayerExtents extents, OgcSettings settings) {
        this.api = new TilesApi(tiles, caller, extents);
        this.settings = settings;
    }

    @GetMapping(value = "/ogc/tileMatrixSets", produces = MediaType.APPLICATION_JSON_VALUE)
    public void tileMatrixSets(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, () -> api.tileMatrixSets(OgcApiEndpoint.rootUrl(request, settings)));
    }

    @GetMapping(value = "/ogc/tileMatrixSets/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public void tileMatrixSet(@PathVariable String tileMatrixSetId, HttpServletResponse response) throws IOException {
        send(response, () -> api.tileMatrixSet(tileMatrixSetId));
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    public void tilesets(@PathVariable String collectionId, @RequestParam(required = false) String scenario,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, () -> api.tilesets(collectionId, scenario, OgcApiEndpoint.rootUrl(request, settings)));
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public void tileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                        @RequestParam(required = false) String scenario, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        send(response, () -> api.tileset(collectionId, tileMatrixSetId, scenario, OgcApiEndpoint.rootUrl(request, settings)));
    }

    @GetMapping(value = "/ogc/collections/{collectionId}/styles/{styleId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public void style(@PathVariable String collectionId, @PathVariable String styleId, HttpServletResponse response)
            throws IOException {
        send(response, () -> api.style(collectionId, styleId));
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    public void tile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                     @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
                     @RequestParam(required = false) String scenario,
                     @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                     HttpServletResponse response) throws IOException {
        send(response, () -> api.tile(collectionId, tileMatrixSetId, tileMatrix, tileRow, tileCol, scenario, ifNoneMatch));
    }

    /** The answer, or the JSON exception document of whatever failed building it. */
    private void send(HttpServletResponse response, Supplier<OgcResponse> operation) throws IOException {
        OgcResponse answer;
        try {
            answer = operation.get();
        } catch (RuntimeException e) {
            answer = api.error(e);
        }
        ServletAnswers.write(answer, response);
    }
}
