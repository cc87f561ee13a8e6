package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.core.FeatureIds;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.testing.RunningSampleService;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every caller × every OGC operation, over HTTP on the Occitanie sample, on a public layer
 * ({@code communes}) and on the restricted {@code sites_candidats} (FUNDER, ADMIN). A caller that
 * may not read a layer gets exactly what it would get for a layer that does not exist (same
 * status, type and body once the name is swapped), and never finds it in the capabilities.
 * Wrong credentials are refused with 401 and an OWS exception, without a Basic challenge.
 */
class SecurityOgcMatrixTest extends RunningSampleService {

    private static final String RESTRICTED = "sites_candidats";
    private static final String PUBLIC = "communes";
    private static final String UNKNOWN = "inexistante";

    @Autowired
    FeatureStore store;

    private HttpCalls http;

    @BeforeEach
    void client() {
        http = new HttpCalls(url(""));
    }

    @Test
    void capabilitiesListTheRestrictedLayerOnlyToFundersAndAdministrators() {
        Map<String, String> capabilities = new LinkedHashMap<>();
        capabilities.put("WFS GetCapabilities", "/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        capabilities.put("WFS ListStoredQueries", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries");
        capabilities.put("WFS DescribeStoredQueries", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries");
        capabilities.put("WFS DescribeFeatureType (all)", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType");
        capabilities.put("WMS GetCapabilities", "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        capabilities.put("OWS WMS GetCapabilities", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        for (Caller caller : Caller.ALL) {
            for (Map.Entry<String, String> c : capabilities.entrySet()) {
                String what = c.getKey() + " / " + caller;
                HttpResponse<String> r = http.get(caller, c.getValue());
                if (caller.refused()) {
                    assertRefused(r, what);
                    continue;
                }
                assertThat(r.statusCode()).as(what).isEqualTo(200);
                assertThat(r.body()).as(what).contains(PUBLIC);
                if (caller.has(Role.FUNDER)) {
                    assertThat(r.body()).as(what).contains(RESTRICTED);
                } else {
                    assertThat(r.body()).as(what).doesNotContain(RESTRICTED);
                }
                assertNoSessionNorCsrfCookie(r, what);
            }
        }
    }

    @Test
    void everyOperationServesThePublicLayerToAllAndTheRestrictedOneAsIfItDidNotExist() {
        for (Caller caller : Caller.ALL) {
            for (String layer : List.of(PUBLIC, RESTRICTED)) {
                boolean readable = layer.equals(PUBLIC) || caller.has(Role.FUNDER);
                for (Map.Entry<String, String> op : operations(layer).entrySet()) {
                    String what = op.getKey() + " " + layer + " / " + caller;
                    HttpResponse<String> r = http.get(caller, op.getValue());
                    if (caller.refused()) {
                        assertRefused(r, what);
                    } else if (readable) {
                        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(200);
                        assertThat(r.body()).as(what).doesNotContain("ExceptionReport", "ServiceException");
                    } else {
                        HttpResponse<String> unknown = http.get(caller, operations(UNKNOWN).get(op.getKey()));
                        assertThat(r.statusCode()).as(what).isEqualTo(unknown.statusCode()).isNotEqualTo(200);
                        assertThat(r.headers().firstValue("Content-Type")).as(what)
                                .isEqualTo(unknown.headers().firstValue("Content-Type"));
                        assertThat(r.body().replace(layer, UNKNOWN)).as(what).isEqualTo(unknown.body());
                    }
                    if (!caller.refused()) {
                        assertNoSessionNorCsrfCookie(r, what);
                        // Answers that may hold restricted data must never be stored by a shared cache.
                        assertThat(r.headers().firstValue("Cache-Control")).as(what)
                                .isEqualTo(caller.authorization() == null ? java.util.Optional.empty()
                                        : java.util.Optional.of("private"));
                    }
                }
            }
        }
    }

    @Test
    void getFeatureInfoOnASiteFindsItOnlyForItsReaders() {
        Point site = firstSite().geometry().getInteriorPoint();
        String bbox = String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f",
                site.getX() - 1000, site.getY() - 1000, site.getX() + 1000, site.getY() + 1000);
        String info = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=carence:communes,carence:" + RESTRICTED
                + "&QUERY_LAYERS=carence:communes,carence:" + RESTRICTED + "&STYLES=&CRS=EPSG:2154&BBOX=" + bbox
                + "&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json";
        String funder = http.get(Caller.FUNDER_BEARER, info).body();
        assertThat(funder).contains("\"carence:" + RESTRICTED + "\"").contains("\"carence:communes\"");
        HttpResponse<String> anonymous = http.get(Caller.ANONYMOUS, info);
        assertThat(anonymous.body()).contains("LayerNotDefined").doesNotContain("\"features\"");
    }

    @Test
    void anXmlPostNamingTheRestrictedLayerIsTreatedLikeTheKvpRequest() {
        String body = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"1\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:Query typeNames=\"carence:@\"/></wfs:GetFeature>";
        HttpResponse<String> funder = http.send("POST", "/wfs", body.replace("@", RESTRICTED), "Content-Type", "application/xml",
                "Authorization", Caller.FUNDER_BASIC.authorization());
        assertThat(funder.statusCode()).isEqualTo(200);
        assertThat(funder.body()).contains("<carence:" + RESTRICTED);
        HttpResponse<String> hidden = http.send("POST", "/wfs", body.replace("@", RESTRICTED), "Content-Type", "application/xml");
        HttpResponse<String> unknown = http.send("POST", "/wfs", body.replace("@", UNKNOWN), "Content-Type", "application/xml");
        assertThat(hidden.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(400);
        assertThat(hidden.body().replace(RESTRICTED, UNKNOWN)).isEqualTo(unknown.body());
    }

    @Test
    void aTileRequestOfAnAnonymousCallerKeepsItsFormerCacheBehaviourAndCreatesNoSession() {
        HttpResponse<String> map = http.send("GET", operations(PUBLIC).get("WMS GetMap"), null, "Accept-Encoding", "gzip");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.headers().firstValue("Content-Type")).hasValue("image/png");
        // As before Spring Security: no Cache-Control, Pragma or Expires forbidding caches to keep tiles.
        assertThat(map.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(map.headers().firstValue("Pragma")).isEmpty();
        assertThat(map.headers().firstValue("Expires")).isEmpty();
        assertNoSessionNorCsrfCookie(map, "GetMap");
        // Text answers are still compressed (server.compression).
        HttpResponse<String> caps = http.send("GET", "/wfs?SERVICE=WFS&REQUEST=GetCapabilities", null, "Accept-Encoding", "gzip");
        assertThat(caps.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    // ----- Column rules (security/columns.properties): the site_* columns of the public indicators -----

    @Test
    void anAnonymousGetFeatureOfTheIndicatorsHoldsNoSiteFieldInAnyFormat() {
        String base = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:indicateurs_communes&COUNT=400&OUTPUTFORMAT=";
        for (String format : List.of("application/gml+xml; version=3.2", "application/json", "text/csv",
                "application/geopackage+sqlite3")) {
            for (Caller caller : Caller.ALL) {
                if (caller.refused()) {
                    continue;
                }
                String what = format + " / " + caller;
                HttpResponse<byte[]> r = http.getBytes(caller, base + enc(format));
                assertThat(r.statusCode()).as(what).isEqualTo(200);
                // ISO-8859-1 keeps every byte: the GeoPackage's table definition is plain text in the file.
                String body = new String(r.body(), StandardCharsets.ISO_8859_1);
                assertThat(body).as(what).contains("score_carence");
                if (caller.has(Role.FUNDER)) {
                    assertThat(body).as(what).contains("site_candidat", "site_retenu", "site_desservant");
                } else {
                    assertThat(body).as(what).doesNotContain("site_");
                }
            }
        }
    }

    @Test
    void theChosenHostCommunesAreFoundOnlyByFundersAndAdministrators() {
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>@"
                + "</fes:ValueReference><fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        String query = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:indicateurs_communes"
                + "&OUTPUTFORMAT=application/json&FILTER=";
        int sites = countDefaultSites();
        for (Caller caller : Caller.ALL) {
            if (caller.refused()) {
                continue;
            }
            HttpResponse<String> chosen = http.get(caller, query + enc(filter.replace("@", "site_retenu")));
            if (caller.has(Role.FUNDER)) {
                // One host commune per chosen site of the default scenario (sites_candidats, another table).
                assertThat(chosen.statusCode()).as(caller.toString()).isEqualTo(200);
                assertThat(chosen.body()).as(caller.toString()).contains("\"numberMatched\":" + sites + ",");
            } else {
                HttpResponse<String> unknown = http.get(caller, query + enc(filter.replace("@", "site_inexistant")));
                assertThat(chosen.statusCode()).as(caller.toString()).isEqualTo(400).isEqualTo(unknown.statusCode());
                assertThat(chosen.body().replace("site_retenu", "site_inexistant")).as(caller.toString()).isEqualTo(unknown.body());
            }
        }
    }

    @Test
    void getFeatureInfoOnAHostCommuneShowsSiteInformationOnlyToFundersAndAdministrators() {
        Point site = firstSite().geometry().getInteriorPoint();
        String bbox = String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f",
                site.getX() - 1000, site.getY() - 1000, site.getX() + 1000, site.getY() + 1000);
        for (String format : List.of("application/json", "text/html", "text/plain", "application/vnd.ogc.gml",
                "application/vnd.ogc.gml/3.1.1")) {
            String info = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=carence:indicateurs_communes"
                    + "&QUERY_LAYERS=carence:indicateurs_communes&STYLES=&CRS=EPSG:2154&BBOX=" + bbox
                    + "&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=" + enc(format);
            for (Caller caller : Caller.ALL) {
                if (caller.refused()) {
                    continue;
                }
                HttpResponse<String> r = http.get(caller, info);
                String what = format + " / " + caller;
                assertThat(r.statusCode()).as(what).isEqualTo(200);
                assertThat(r.body()).as(what).contains("score_carence");
                if (caller.has(Role.FUNDER)) {
                    assertThat(r.body()).as(what).contains("site_retenu");
                } else {
                    assertThat(r.body()).as(what).doesNotContain("site_");
                }
            }
        }
    }

    private int countDefaultSites() {
        FeatureQuery defaut = FeatureQuery.all().withFilter(new Filter.Compare("scenario", Filter.ComparisonOperator.EQ, "defaut"))
                .withoutGeometry();
        int n = 0;
        try (FeatureCursor c = store.query(RESTRICTED, defaut)) {
            while (c.hasNext()) {
                c.next();
                n++;
            }
        }
        assertThat(n).as("the default scenario has candidate sites").isPositive();
        return n;
    }

    /** Each operation on a layer, by name; the restricted one is checked against {@link #UNKNOWN}. */
    private Map<String, String> operations(String layer) {
        String q = "carence:" + layer;
        // The unknown layer gets the site's id too, so its answers compare with the hidden layer's.
        String id = FeatureIds.encode(layer, layer.equals(PUBLIC) ? "31555" : firstSite().id());
        String property = layer.equals(PUBLIC) ? "nom" : "rang";
        String bbox = "500000,6150000,850000,6450000";
        String wfs = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=";
        String wms = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=";
        Map<String, String> ops = new LinkedHashMap<>();
        ops.put("WFS DescribeFeatureType", wfs + "DescribeFeatureType&TYPENAMES=" + q);
        ops.put("WFS GetFeature", wfs + "GetFeature&COUNT=2&TYPENAMES=" + q);
        ops.put("WFS GetFeature GeoJSON", wfs + "GetFeature&COUNT=2&OUTPUTFORMAT=application/json&TYPENAMES=" + layer);
        ops.put("WFS GetFeature hits", wfs + "GetFeature&RESULTTYPE=hits&TYPENAMES=" + q);
        ops.put("WFS GetFeature RESOURCEID", wfs + "GetFeature&RESOURCEID=" + enc(id));
        ops.put("WFS GetFeatureById", wfs + "GetFeature&STOREDQUERY_ID=" + enc("urn:ogc:def:query:OGC-WFS::GetFeatureById")
                + "&ID=" + enc(id));
        ops.put("WFS GetPropertyValue", wfs + "GetPropertyValue&COUNT=2&VALUEREFERENCE=" + property + "&TYPENAMES=" + q);
        ops.put("OWS WFS GetFeature", "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=1&TYPENAMES=" + q);
        ops.put("WMS GetMap", wms + "GetMap&LAYERS=" + q + "&STYLES=&CRS=EPSG:2154&BBOX=" + bbox
                + "&WIDTH=256&HEIGHT=220&FORMAT=image/png");
        ops.put("WMS GetFeatureInfo", wms + "GetFeatureInfo&LAYERS=" + q + "&QUERY_LAYERS=" + q + "&STYLES=&CRS=EPSG:2154&BBOX="
                + bbox + "&WIDTH=256&HEIGHT=220&I=128&J=110&INFO_FORMAT=text/plain");
        ops.put("WMS GetLegendGraphic", wms + "GetLegendGraphic&FORMAT=image/png&LAYER=" + q);
        ops.put("OWS WMS GetMap", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer
                + "&STYLES=&CRS=EPSG:4326&BBOX=42.5,0,45,5&WIDTH=200&HEIGHT=100&FORMAT=image/png");
        return ops;
    }

    private Feature firstSite() {
        FeatureQuery defaut = FeatureQuery.all().withFilter(new Filter.Compare("scenario", Filter.ComparisonOperator.EQ, "defaut"))
                .withPage(0, 1);
        try (FeatureCursor c = store.query(RESTRICTED, defaut)) {
            assertThat(c.hasNext()).as("the default scenario has candidate sites").isTrue();
            return c.next();
        }
    }

    static void assertRefused(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as(what).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).as(what + ": no Basic challenge").isEmpty();
        assertThat(r.body()).as(what).contains("ExceptionReport").contains("refusé").doesNotContain("Exception:", "\tat ");
    }

    static void assertNoSessionNorCsrfCookie(HttpResponse<?> r, String what) {
        List<String> cookies = new ArrayList<>(r.headers().allValues("Set-Cookie"));
        assertThat(cookies).as(what + ": no cookie on an OGC answer").isEmpty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
