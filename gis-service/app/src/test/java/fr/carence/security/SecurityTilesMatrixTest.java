package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.testing.RunningSampleService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every caller × the vector tile resources (OGC API Tiles and the tile styles, docs/ogc-api-tiles.md) over HTTP on the
 * Occitanie sample: the public {@code communes} for all, the restricted {@code sites_candidats}
 * for FUNDER and ADMIN only, and for everyone else exactly the answer of a layer that does not
 * exist. Tiles of an authenticated caller or a restricted layer are {@code private}.
 */
class SecurityTilesMatrixTest extends RunningSampleService {

    private static final String RESTRICTED = "sites_candidats";
    private static final String PUBLIC = "communes";
    private static final String UNKNOWN = "inexistante";
    /** 0°–5.625°E, 40.98°–45.09°N: most of Occitanie. */
    private static final String TILE = "/tiles/WebMercatorQuad/6/23/32";

    private HttpCalls http;

    @BeforeEach
    void client() {
        http = new HttpCalls(url(""));
    }

    private static List<String> paths(String layer) {
        // The style the web map draws the tiles with (the layer's own SLD, as JSON) follows the layer's rule.
        String style = layer.equals(PUBLIC) ? "communes" : "sites_candidats";
        return List.of("/ogc/collections/" + layer + "/tiles", "/ogc/collections/" + layer + "/tiles/WebMercatorQuad",
                "/ogc/collections/" + layer + TILE, "/ogc/collections/" + layer + "/styles/" + style);
    }

    @Test
    void tilesOfARestrictedLayerExistOnlyForItsReaders() {
        for (Caller caller : Caller.ALL) {
            for (String layer : List.of(PUBLIC, RESTRICTED)) {
                boolean readable = layer.equals(PUBLIC) || caller.has(Role.FUNDER);
                for (int i = 0; i < paths(layer).size(); i++) {
                    String path = paths(layer).get(i);
                    String what = path + " / " + caller;
                    HttpResponse<String> r = http.get(caller, path);
                    if (caller.refused()) {
                        assertThat(r.statusCode()).as(what).isEqualTo(401);
                        continue;
                    }
                    if (readable) {
                        assertThat(r.statusCode()).as(what + ": " + r.body()).isIn(200, 204);
                    } else {
                        HttpResponse<String> unknown = http.get(caller, paths(UNKNOWN).get(i));
                        assertThat(r.statusCode()).as(what).isEqualTo(unknown.statusCode()).isEqualTo(404);
                        assertThat(r.body().replace(layer, UNKNOWN)).as(what).isEqualTo(unknown.body());
                    }
                    SecurityOgcMatrixTest.assertNoSessionNorCsrfCookie(r, what);
                    if (readable && i == 2) {
                        boolean shared = caller.authorization() == null && layer.equals(PUBLIC);
                        assertThat(r.headers().firstValue("Cache-Control")).as(what)
                                .isEqualTo(Optional.of(shared ? "public, no-cache" : "private, no-cache"));
                    }
                }
            }
        }
    }

    @Test
    void aCommunesTileOfTheSampleIsAnMvtTileWithAnEtag() {
        HttpResponse<String> r = http.get(Caller.ANONYMOUS, "/ogc/collections/" + PUBLIC + TILE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send("GET", "/ogc/collections/" + PUBLIC + TILE, null, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
    }
}
