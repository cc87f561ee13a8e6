package fr.carence.ogc.wms;

import static fr.carence.ogc.wms.WmsCall.call;
import static fr.carence.ogc.wms.WmsCall.image;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.catalog.Catalog;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * GetMap through the layer cache (generalised geometries, in-memory filters) against GetMap
 * straight from the store ({@code carence.wms.cache-megabytes=0}), on the real communes of
 * Aveyron, Cantal and Lozère: the pictures agree within anti-aliasing noise at every scale,
 * in every CRS, for the outline and the choropleth styles and per scenario.
 */
class CachedGetMapTest {

    private static final Catalog CATALOG = WmsTestData.catalog();

    /** A pixel "differs" when a premultiplied channel moves by more than this (more than an edge pixel's shading). */
    private static final int CHANNEL_TOLERANCE = 64;
    /** Share of differing pixels allowed: edges shifted by under half a pixel, nothing else. */
    private static final double MAX_DIFFERING_SHARE = 0.005;

    private record View(String layers, String styles, String crs, String bbox, int size, String scenario) {
    }

    private static final List<View> VIEWS = List.of(
            // The three départements at 1:1.8M, 1:7M and a 20 km tile (outline widths change at 1:400,000).
            new View("carence:communes", "", "EPSG:2154", "560000,6310000,800000,6550000", 512, null),
            new View("carence:communes", "", "EPSG:2154", "560000,6310000,800000,6550000", 128, null),
            new View("carence:communes", "", "EPSG:2154", "640000,6420000,660000,6440000", 256, null),
            new View("carence:communes", "", "EPSG:4326", "43.6,1.7,45.5,4.2", 400, null),
            new View("carence:communes", "", "EPSG:3857", "200000,5400000,470000,5670000", 300, null),
            new View("carence:indicateurs_communes", "demande", "EPSG:2154", "560000,6310000,800000,6550000", 512, null),
            new View("carence:indicateurs_communes", "demande", "EPSG:2154", "560000,6310000,800000,6550000", 512,
                    "fixture_b"),
            new View("carence:indicateurs_communes,carence:communes", "demande,", "EPSG:2154",
                    "600000,6380000,700000,6480000", 256, null));

    private static BufferedImage getMap(WmsService wms, View v) throws Exception {
        String size = Integer.toString(v.size());
        String[] params = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", v.layers(),
                "STYLES", v.styles(), "CRS", v.crs(), "BBOX", v.bbox(), "WIDTH", size, "HEIGHT", size,
                "FORMAT", "image/png", "TRANSPARENT", "TRUE", "SCENARIO", v.scenario() == null ? "defaut" : v.scenario()};
        var response = call(wms, params);
        assertThat(response.getStatus()).as(v.toString()).isEqualTo(200);
        return image(response);
    }

    @BothStores
    void cachedMapsMatchMapsReadFromTheStore(FeatureStore store) throws Exception {
        WmsTestData.load(store);
        WmsSettings d = WmsSettings.defaults();
        WmsService uncached = new WmsService(store, CATALOG, new WmsSettings(d.maxWidth(), d.maxHeight(),
                d.featureInfoTolerance(), d.crs(), 0, d.maxConcurrentRenders()));
        WmsService cached = new WmsService(store, CATALOG, d);
        for (View v : VIEWS) {
            BufferedImage expected = getMap(uncached, v);
            BufferedImage actual = getMap(cached, v);
            // twice: the first map loads the cache, the second draws from it
            actual = getMap(cached, v);
            int drawn = 0;
            int differing = 0;
            for (int y = 0; y < v.size(); y++) {
                for (int x = 0; x < v.size(); x++) {
                    int a = expected.getRGB(x, y);
                    int b = actual.getRGB(x, y);
                    if ((a >>> 24) != 0) {
                        drawn++;
                    }
                    if (maxChannelDelta(a, b) > CHANNEL_TOLERANCE) {
                        differing++;
                    }
                }
            }
            double share = differing / (double) (v.size() * v.size());
            System.out.printf(Locale.ROOT, "%s: %d drawn, %d differing (%.4f)%n", v, drawn, differing, share);
            assertThat(drawn).as("something is drawn: %s", v).isGreaterThan(v.size() * v.size() / 20);
            assertThat(share).as("differing pixels: %s", v).isLessThanOrEqualTo(MAX_DIFFERING_SHARE);
        }
    }

    /** Largest difference of the premultiplied channels (the colour of a nearly transparent pixel barely shows). */
    private static int maxChannelDelta(int a, int b) {
        int alphaA = a >>> 24;
        int alphaB = b >>> 24;
        int max = Math.abs(alphaA - alphaB);
        for (int shift = 0; shift < 24; shift += 8) {
            int ca = ((a >>> shift) & 0xff) * alphaA / 255;
            int cb = ((b >>> shift) & 0xff) * alphaB / 255;
            max = Math.max(max, Math.abs(ca - cb));
        }
        return max;
    }
}
