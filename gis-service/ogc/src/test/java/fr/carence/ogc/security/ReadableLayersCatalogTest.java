package fr.carence.ogc.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.wfs.WfsService;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The layer read rules of the real catalogue ({@code carence.sites_candidats.r=FUNDER,ADMIN}) on
 * every WFS and WMS operation: one service instance serves callers with different roles, as the
 * Spring singletons do. For an anonymous caller the restricted layer must look exactly like a
 * layer that does not exist: same status, same content type, same body once the name is swapped.
 */
class ReadableLayersCatalogTest {

    private static final String HIDDEN = "sites_candidats";
    private static final String UNKNOWN = "pas_de_couche";

    private static final RoleSwitch ROLES = new RoleSwitch();
    private static TestStore testStore;
    private static WfsService wfs;
    private static WmsService wms;
    private static Point site;
    private static String siteId;

    @BeforeAll
    static void services() {
        testStore = StoreTestSupport.openH2gis();
        FeatureStore store = testStore.store();
        OgcTestData.load(store);
        Catalog all = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
                SharedData.repoRoot().resolve("sld-styles"));
        Catalog catalog = new ReadableLayersCatalog(all, ROLES);
        wfs = new WfsService(catalog, store, OutputFormats.standard(), 1000, 1_000_000, "Carence test");
        wms = new WmsService(store, catalog, WmsSettings.defaults());
        try (FeatureCursor c = store.query(HIDDEN, FeatureQuery.all().withPage(0, 1))) {
            Feature f = c.next();
            site = (Point) f.geometry();
            siteId = f.id();
        }
    }

    @AfterAll
    static void close() {
        testStore.close();
    }

    @Test
    void wfsCapabilitiesAndStoredQueriesListTheLayerOnlyForItsRoles() {
        for (String request : new String[] {"GetCapabilities", "ListStoredQueries", "DescribeStoredQueries"}) {
            String anonymous = body(as(Set.of(), wfs, "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", request));
            assertThat(anonymous).as(request).contains("carence:communes").doesNotContain(HIDDEN);
            assertThat(body(as(Set.of("PLANNER"), wfs, "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", request)))
                    .as(request).doesNotContain(HIDDEN);
            assertThat(body(as(Set.of("FUNDER"), wfs, "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", request)))
                    .as(request).contains("carence:" + HIDDEN);
            assertThat(body(as(Set.of("ADMIN"), wfs, "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", request)))
                    .as(request).contains("carence:" + HIDDEN);
        }
    }

    @Test
    void everyWfsOperationAnswersForAHiddenLayerAsForAnUnknownOne() {
        String published = "sites_candidats." + siteId.replace(":", "-003A");
        String[][] requests = {
            {"REQUEST", "DescribeFeatureType", "TYPENAMES", "carence:@"},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:@"},
            {"REQUEST", "GetFeature", "TYPENAMES", "@", "OUTPUTFORMAT", "application/json"},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:communes,carence:@"},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:@", "RESULTTYPE", "hits"},
            {"REQUEST", "GetFeature", "RESOURCEID", published.replace(HIDDEN, "@")},
            {"REQUEST", "GetFeature", "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById", "ID",
                published.replace(HIDDEN, "@")},
            {"REQUEST", "GetPropertyValue", "TYPENAMES", "carence:@", "VALUEREFERENCE", "rang"},
        };
        for (String[] r : requests) {
            MockHttpServletResponse funder = as(Set.of("FUNDER"), wfs, wfsKvp(r, HIDDEN));
            assertThat(funder.getStatus()).as(String.join(" ", r) + ": " + body(funder)).isEqualTo(200);
            assertLooksUnknown(wfs, wfsKvp(r, HIDDEN), wfsKvp(r, UNKNOWN));
        }
    }

    @Test
    void wmsCapabilitiesListTheLayerOnlyForItsRoles() {
        String anonymous = body(as(Set.of(), wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetCapabilities"));
        assertThat(anonymous).contains("carence:communes").doesNotContain(HIDDEN);
        assertThat(body(as(Set.of("FUNDER"), wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetCapabilities")))
                .contains("<Name>carence:" + HIDDEN + "</Name>");
    }

    @Test
    void everyWmsOperationAnswersForAHiddenLayerAsForAnUnknownOne() {
        String bbox = String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f",
                site.getX() - 2000, site.getY() - 2000, site.getX() + 2000, site.getY() + 2000);
        String[] map = {"SERVICE", "WMS", "VERSION", "1.3.0", "STYLES", "", "CRS", "EPSG:2154", "BBOX", bbox,
            "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png"};
        String[][] requests = {
            concat(map, "REQUEST", "GetMap", "LAYERS", "carence:@"),
            concat(map, "REQUEST", "GetMap", "LAYERS", "carence:communes,carence:@"),
            concat(map, "REQUEST", "GetMap", "LAYERS", "@", "EXCEPTIONS", "XML"),
            concat(map, "REQUEST", "GetFeatureInfo", "LAYERS", "carence:@", "QUERY_LAYERS", "carence:@",
                    "I", "50", "J", "50", "INFO_FORMAT", "application/json"),
            // Under a public layer, queried on its own.
            concat(map, "REQUEST", "GetFeatureInfo", "LAYERS", "carence:communes,carence:@", "QUERY_LAYERS", "carence:@",
                    "I", "50", "J", "50", "INFO_FORMAT", "text/plain"),
            {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetLegendGraphic", "LAYER", "carence:@", "FORMAT", "image/png"},
        };
        for (String[] r : requests) {
            MockHttpServletResponse funder = as(Set.of("FUNDER"), wms, swap(r, HIDDEN));
            assertThat(funder.getStatus()).as(String.join(" ", r)).isEqualTo(200);
            assertThat(funder.getContentType()).as(String.join(" ", r)).doesNotContain("xml");
            assertLooksUnknown(wms, swap(r, HIDDEN), swap(r, UNKNOWN));
        }
        String info = body(as(Set.of("FUNDER"), wms, swap(requests[3], HIDDEN)));
        assertThat(info).as("the funder's GetFeatureInfo finds the site").contains(HIDDEN + "." + siteId);
    }

    @Test
    void theLayerCacheNeverServesARestrictedRenderingToAnAnonymousCaller() {
        String bbox = String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f",
                site.getX() - 2000, site.getY() - 2000, site.getX() + 2000, site.getY() + 2000);
        String[] getMap = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", "carence:" + HIDDEN,
            "STYLES", "", "CRS", "EPSG:2154", "BBOX", bbox, "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png"};
        for (int i = 0; i < 2; i++) { // the second funder request is served from the layer cache
            assertThat(as(Set.of("FUNDER"), wms, getMap).getContentType()).isEqualTo("image/png");
        }
        MockHttpServletResponse anonymous = as(Set.of(), wms, getMap);
        assertThat(anonymous.getContentType()).doesNotStartWith("image/");
        assertThat(body(anonymous)).contains("LayerNotDefined");
        assertThat(as(Set.of("ADMIN"), wms, getMap).getContentType()).isEqualTo("image/png");
    }

    private static void assertLooksUnknown(OgcService service, String[] hidden, String[] unknown) {
        MockHttpServletResponse h = as(Set.of(), service, hidden);
        MockHttpServletResponse u = as(Set.of(), service, unknown);
        String what = String.join(" ", hidden);
        assertThat(h.getStatus()).as(what).isEqualTo(u.getStatus()).isNotEqualTo(200);
        assertThat(h.getContentType()).as(what).isEqualTo(u.getContentType());
        assertThat(body(h).replace(HIDDEN, UNKNOWN)).as(what).isEqualTo(body(u));
        assertThat(as(Set.of("PLANNER"), service, hidden).getStatus()).as(what + " as PLANNER").isEqualTo(u.getStatus());
    }

    private static String[] wfsKvp(String[] request, String layer) {
        return concat(new String[] {"SERVICE", "WFS", "VERSION", "2.0.0"}, swap(request, layer));
    }

    private static String[] swap(String[] kvp, String layer) {
        String[] out = kvp.clone();
        for (int i = 1; i < out.length; i += 2) {
            out[i] = out[i].replace("@", layer);
        }
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static MockHttpServletResponse as(Set<String> roles, OgcService service, String... kvp) {
        return ROLES.call(roles, service, kvp);
    }

    private static String body(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
