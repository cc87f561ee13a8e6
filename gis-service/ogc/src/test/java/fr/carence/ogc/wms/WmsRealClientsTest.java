package fr.carence.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real WMS clients against a running HTTP server over an H2GIS store with real communes: GDAL's
 * WMS driver (gdal_translate) and OWSLib (Debian python3-owslib, via /usr/bin/python3). A missing
 * tool skips the test with a message, or fails it when CI=true.
 */
class WmsRealClientsTest {

    private static TestStore store;
    private static WmsTestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        store = StoreTestSupport.openH2gis();
        WmsTestData.load(store.store());
        server = new WmsTestServer(new WmsService(store.store(), WmsTestData.catalog(), WmsSettings.defaults()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static String aurillacBbox() {
        double[] p = CrsTransforms.transform(WmsTestData.AURILLAC_LON, WmsTestData.AURILLAC_LAT, 4326, 2154);
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", p[0] - 5000, p[1] - 5000, p[0] + 5000, p[1] + 5000);
    }

    @Test
    void gdalTranslateFetchesAMapInLambert93AndInLatLonWgs84() throws Exception {
        requireTool("gdal_translate", "--version");
        // A GetMap URL: GDAL's WMS driver keeps LAYERS, CRS and BBOX (it drops STYLES, so the
        // communes layer with its default style is asked here).
        double[] p = CrsTransforms.transform(WmsTestData.AURILLAC_LON, WmsTestData.AURILLAC_LAT, 4326, 2154);
        String url = server.url("/wms") + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=carence:communes"
                + "&STYLES=&CRS=EPSG:2154&BBOX=" + aurillacBbox() + "&FORMAT=image/png&TRANSPARENT=TRUE";
        File out = tmp.resolve("gdal-communes.png").toFile();
        run(List.of("gdal_translate", "-q", "-of", "PNG", "-outsize", "200", "200", "WMS:" + url, out.getPath()));
        BufferedImage outlines = ImageIO.read(out);
        assertThat(outlines.getWidth()).isEqualTo(200);
        assertThat(opaquePixels(outlines)).as("commune outlines drawn").isGreaterThan(200);

        // GDAL WMS XML descriptions, with a style: Lambert-93, then EPSG:4326 through
        // /ows?SERVICE=WMS (BBoxOrder yxYX: GDAL 3.6 only swaps by itself in URL mode).
        File l93 = tmp.resolve("gdal-2154.png").toFile();
        run(List.of("gdal_translate", "-q", "-of", "PNG", "-outsize", "200", "200",
                gdalXml(server.url("/wms") + "?", "EPSG:2154", p[0] - 5000, p[1] + 5000, p[0] + 5000, p[1] - 5000),
                l93.getPath()));
        assertCentreIsDarkBlue(ImageIO.read(l93));
        File wgs84 = tmp.resolve("gdal-4326.png").toFile();
        run(List.of("gdal_translate", "-q", "-of", "PNG", "-outsize", "200", "200",
                gdalXml(server.url("/ows") + "?SERVICE=WMS", "EPSG:4326", WmsTestData.AURILLAC_LON - 0.02,
                        WmsTestData.AURILLAC_LAT + 0.02, WmsTestData.AURILLAC_LON + 0.02, WmsTestData.AURILLAC_LAT - 0.02),
                wgs84.getPath()));
        assertCentreIsDarkBlue(ImageIO.read(wgs84));
    }

    /** A GDAL WMS service description (data window in x = easting/longitude order). */
    private static String gdalXml(String serverUrl, String crs, double ulx, double uly, double lrx, double lry) {
        return String.format(Locale.ROOT, """
                <GDAL_WMS><Service name="WMS"><Version>1.3.0</Version><ServerUrl>%s</ServerUrl>
                <Layers>carence:indicateurs_communes</Layers><Styles>demande</Styles><CRS>%s</CRS>
                <ImageFormat>image/png</ImageFormat><Transparent>TRUE</Transparent><BBoxOrder>%s</BBoxOrder></Service>
                <DataWindow><UpperLeftX>%f</UpperLeftX><UpperLeftY>%f</UpperLeftY><LowerRightX>%f</LowerRightX>
                <LowerRightY>%f</LowerRightY><SizeX>200</SizeX><SizeY>200</SizeY></DataWindow>
                <BandsCount>4</BandsCount><BlockSizeX>200</BlockSizeX><BlockSizeY>200</BlockSizeY></GDAL_WMS>""",
                serverUrl.replace("&", "&amp;"), crs, crs.equals("EPSG:4326") ? "yxYX" : "xyXY", ulx, uly, lrx, lry);
    }

    private static int opaquePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void owslibReadsCapabilitiesAndGetsAMap() throws Exception {
        requireTool("/usr/bin/python3", "-c", "import owslib.wms");
        Path png = tmp.resolve("owslib.png");
        String script = String.join("\n",
                "import sys",
                "from owslib.wms import WebMapService",
                "wms = WebMapService(sys.argv[1], version='1.3.0')",
                "print('LAYERS', ' '.join(sorted(wms.contents)))",
                "layer = wms['carence:indicateurs_communes']",
                "print('TITLE', layer.title)",
                "print('STYLES', ' '.join(sorted(layer.styles)))",
                "print('CRS', ' '.join(sorted(layer.crsOptions)))",
                "print('OPS', ' '.join(op.name for op in wms.operations))",
                "bbox = tuple(float(v) for v in sys.argv[2].split(','))",
                "img = wms.getmap(layers=['carence:indicateurs_communes'], styles=['demande'], srs='EPSG:2154',",
                "                 bbox=bbox, size=(200, 200), format='image/png', transparent=True)",
                "open(sys.argv[3], 'wb').write(img.read())");
        Path py = tmp.resolve("owslib_client.py");
        Files.writeString(py, script);
        String output = run(List.of("/usr/bin/python3", py.toString(), server.url("/wms"), aurillacBbox(), png.toString()));
        assertThat(output).contains("carence:communes").contains("carence:indicateurs_communes")
                .doesNotContain("carence:communes_insee");
        assertThat(output).contains("TITLE Indicateurs communaux de carence");
        assertThat(output).contains("STYLES carence_score couverture_thd demande fragilite");
        assertThat(output).contains("EPSG:2154").contains("CRS:84");
        assertThat(output).contains("GetMap").contains("GetFeatureInfo");
        assertCentreIsDarkBlue(ImageIO.read(png.toFile()));
    }

    private static void assertCentreIsDarkBlue(BufferedImage img) {
        int p = img.getRGB(100, 100);
        // demande "1 000 et plus": #08306b (GDAL may resample: allow a small difference).
        assertThat((p >> 16) & 0xff).isBetween(0, 20);
        assertThat((p >> 8) & 0xff).isBetween(36, 60);
        assertThat(p & 0xff).isBetween(95, 120);
    }

    private static void requireTool(String... probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        String message = "client tool unavailable: " + String.join(" ", probe)
                + " (Debian packages gdal-bin, python3-owslib)";
        if (StoreTestSupport.isCi()) {
            throw new IllegalStateException("CI=true but " + message);
        }
        System.err.println("*** SKIPPING: " + message);
        Assumptions.abort(message);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("timeout: " + command).isTrue();
        assertThat(p.exitValue()).as(command + "\n" + output).isZero();
        return output;
    }
}
