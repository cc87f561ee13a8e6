package fr.carence.ogc.wms;

import static fr.carence.ogc.wms.WmsCall.call;
import static fr.carence.ogc.wms.WmsCall.image;
import static fr.carence.ogc.wms.WmsCall.text;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.mock.web.MockHttpServletResponse;

/** GetMap over real communes (Aveyron, Cantal, Lozère) in both stores. */
class GetMapOperationTest {

    private static final Catalog CATALOG = WmsTestData.catalog();
    /** Fill of the demande classes "1 000 et plus" and "De 10 à 50" in sld-styles/demande.sld. */
    private static final int DEMANDE_1000_PLUS = 0xff08306b;
    private static final int DEMANDE_10_50 = 0xffc6dbef;

    private static WmsService service(FeatureStore store) {
        WmsTestData.load(store);
        return new WmsService(store, CATALOG, WmsSettings.defaults());
    }

    /** 10 km square around Aurillac's point on surface in Lambert-93, as BBOX text. */
    private static String aurillacBbox2154() {
        double[] p = CrsTransforms.transform(WmsTestData.AURILLAC_LON, WmsTestData.AURILLAC_LAT, 4326, 2154);
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", p[0] - 5000, p[1] - 5000, p[0] + 5000, p[1] + 5000);
    }

    private static MockHttpServletResponse getMap(WmsService wms, String layers, String styles, String crs, String bbox,
                                                  String... extra) {
        String[] base = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", layers, "STYLES", styles,
                "CRS", crs, "BBOX", bbox, "WIDTH", "200", "HEIGHT", "200", "FORMAT", "image/png", "TRANSPARENT", "TRUE"};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        // later duplicates win: OwsRequest keeps the last value of a name
        return call(wms, all);
    }

    @BothStores
    void communesOutlinesAreDrawnWhereCommunesAreAndTheRestIsTransparent(FeatureStore store) throws Exception {
        WmsService wms = service(store);
        // Aveyron, Cantal, Lozère and their western neighbour Corrèze (not loaded), in Lambert-93.
        MockHttpServletResponse r = getMap(wms, "carence:communes", "", "EPSG:2154", "560000,6310000,800000,6550000",
                "WIDTH", "512", "HEIGHT", "512");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo("image/png");
        BufferedImage img = image(r);
        assertThat(img.getWidth()).isEqualTo(512);
        assertThat(img.getHeight()).isEqualTo(512);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        int opaque = 0;
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                opaque += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        // 683 commune outlines at 470 m per pixel cover a good part of the image.
        assertThat(opaque).isGreaterThan(20_000);
        // Tulle (Corrèze, 19272) is not loaded: transparent there.
        double[] tulle = CrsTransforms.transform(1.7723, 45.2672, 4326, 2154);
        int tx = (int) ((tulle[0] - 560000) / 240000 * 512);
        int ty = (int) ((6550000 - tulle[1]) / 240000 * 512);
        assertThat(img.getRGB(tx, ty) >>> 24).isZero();
        javax.imageio.ImageIO.write(img, "png", new java.io.File("target/wms-communes-" + store.kind() + ".png"));
    }

    @BothStores
    void pixelInsideAurillacHasTheFillOfItsDemandeClassInTheRequestedScenario(FeatureStore store) {
        WmsService wms = service(store);
        String bbox = aurillacBbox2154();
        BufferedImage defaut = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:2154", bbox));
        // Fixture: demande = 26,214 / 20 = 1,310.7 in scenario "defaut".
        assertThat(defaut.getRGB(100, 100)).isEqualTo(DEMANDE_1000_PLUS);
        BufferedImage b = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:2154", bbox, "SCENARIO", "fixture_b"));
        // Fixture: 26,214 / 2,000 = 13.1 in scenario "fixture_b".
        assertThat(b.getRGB(100, 100)).isEqualTo(DEMANDE_10_50);
        BufferedImage none = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:2154", bbox, "SCENARIO", "absent"));
        assertThat(none.getRGB(100, 100) >>> 24).isZero();
    }

    @BothStores
    void epsg4326LatLonBboxDrawsTheSameMapAsCrs84LonLat(FeatureStore store) {
        WmsService wms = service(store);
        String lonLat = "2.39,44.89,2.49,44.97";
        String latLon = "44.89,2.39,44.97,2.49";
        int[] crs84 = pixels(image(getMap(wms, "indicateurs_communes", "demande", "CRS:84", lonLat)));
        int[] epsg = pixels(image(getMap(wms, "indicateurs_communes", "demande", "EPSG:4326", latLon)));
        int[] urn = pixels(image(getMap(wms, "indicateurs_communes", "demande", "urn:ogc:def:crs:EPSG::4326", latLon)));
        int[] urn84 = pixels(image(getMap(wms, "indicateurs_communes", "demande", "urn:ogc:def:crs:OGC:1.3:CRS84", lonLat)));
        assertThat(epsg).isEqualTo(crs84);
        assertThat(urn).isEqualTo(crs84);
        assertThat(urn84).isEqualTo(crs84);
        // Aurillac's point is at the centre of both boxes: dark blue class.
        BufferedImage img = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:4326", "44.907845,2.419893,44.947845,2.459893"));
        assertThat(img.getRGB(100, 100)).isEqualTo(DEMANDE_1000_PLUS);
        // The same numbers read the 1.1.1 way (lon/lat) under EPSG:4326 fall in the Indian Ocean: empty.
        int[] wrongOrder = pixels(image(getMap(wms, "indicateurs_communes", "demande", "EPSG:4326", lonLat)));
        assertThat(Arrays.stream(wrongOrder).allMatch(p -> p >>> 24 == 0)).isTrue();
    }

    @BothStores
    void webMercatorJpegPng8AndBackgroundColour(FeatureStore store) {
        WmsService wms = service(store);
        double[] p = CrsTransforms.transform(WmsTestData.AURILLAC_LON, WmsTestData.AURILLAC_LAT, 4326, 3857);
        String bbox = String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", p[0] - 7000, p[1] - 7000, p[0] + 7000, p[1] + 7000);
        BufferedImage merc = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:3857", bbox));
        assertThat(merc.getRGB(100, 100)).isEqualTo(DEMANDE_1000_PLUS);

        MockHttpServletResponse jpeg = getMap(wms, "indicateurs_communes", "demande", "EPSG:2154", aurillacBbox2154(),
                "FORMAT", "image/jpeg");
        assertThat(jpeg.getContentType()).isEqualTo("image/jpeg");
        BufferedImage j = image(jpeg);
        assertThat(j.getColorModel().hasAlpha()).isFalse();
        assertClose(j.getRGB(100, 100), DEMANDE_1000_PLUS, 12);

        BufferedImage png8 = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:2154", aurillacBbox2154(),
                "FORMAT", "image/png8"));
        assertThat(png8.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        assertClose(png8.getRGB(100, 100), DEMANDE_1000_PLUS, 8);

        BufferedImage black = image(getMap(wms, "indicateurs_communes", "demande", "EPSG:2154", "0,0,1000,1000",
                "TRANSPARENT", "FALSE", "BGCOLOR", "0x000000"));
        assertThat(black.getRGB(10, 10)).isEqualTo(0xff000000);
    }

    @BothStores
    void severalLayersWithMatchingStyles(FeatureStore store) {
        WmsService wms = service(store);
        MockHttpServletResponse r = getMap(wms, "indicateurs_communes,communes", "demande,", "EPSG:2154", aurillacBbox2154());
        assertThat(r.getStatus()).as(text(r)).isEqualTo(200);
        assertThat(image(r).getRGB(100, 100)).isEqualTo(DEMANDE_1000_PLUS);
        MockHttpServletResponse mismatch = getMap(wms, "indicateurs_communes,communes", "demande", "EPSG:2154", aurillacBbox2154());
        assertThat(text(mismatch)).contains("code=\"InvalidParameterValue\"").contains("locator=\"STYLES\"");
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static void assertClose(int actual, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = (actual >> shift) & 0xff;
            int e = (expected >> shift) & 0xff;
            assertThat(Math.abs(a - e)).as("channel at bit %d of %08x vs %08x", shift, actual, expected).isLessThanOrEqualTo(tolerance);
        }
    }
}
