package fr.carence.ogc.wms;

import static fr.carence.ogc.wms.WmsCall.call;
import static fr.carence.ogc.wms.WmsCall.image;
import static fr.carence.ogc.wms.WmsCall.text;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The WMS format plug-ins (issue 13): every provider listed in META-INF/services is discovered,
 * the capabilities list exactly the discovered formats in their order, and each of them answers a
 * real request on the communes around Mende; a plug-in added to the registry shows up with no
 * other change.
 */
class FormatPluginsTest {

    private static final String WMS = "http://www.opengis.net/wms";
    private static final String BBOX = "731488,6376820,741488,6386820";

    private static TestStore store;
    private static WmsService wms;

    @BeforeAll
    static void open() {
        store = StoreTestSupport.openH2gis();
        WmsTestData.load(store.store());
        wms = new WmsService(store.store(), WmsTestData.catalog(), WmsSettings.defaults());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyListedProviderIsDiscoveredInItsOrder() throws IOException {
        List<String> images = MapImageFormats.standard().all().stream().map(w -> w.getClass().getName()).toList();
        assertThat(images).containsExactlyInAnyOrderElementsOf(listed(MapImageWriter.class));
        assertThat(MapImageFormats.standard().advertised()).containsExactly("image/png", "image/png8", "image/jpeg");
        List<String> infos = FeatureInfoFormats.standard().all().stream().map(w -> w.getClass().getName()).toList();
        assertThat(infos).containsExactlyInAnyOrderElementsOf(listed(FeatureInfoWriter.class));
        assertThat(FeatureInfoFormats.standard().advertised()).containsExactly("application/json", "text/html", "text/plain",
                "application/vnd.ogc.gml", "application/vnd.ogc.gml/3.1.1");
    }

    @Test
    void capabilitiesListExactlyTheDiscoveredFormats() throws Exception {
        Document caps = parse(call(wms, "SERVICE", "WMS", "REQUEST", "GetCapabilities").getContentAsByteArray());
        assertThat(formats(caps, "GetMap")).isEqualTo(MapImageFormats.standard().advertised());
        assertThat(formats(caps, "GetFeatureInfo")).isEqualTo(FeatureInfoFormats.standard().advertised());
        assertThat(formats(caps, "GetLegendGraphic")).isEqualTo(MapImageFormats.standard().advertisedForLegends())
                .containsExactly("image/png", "image/jpeg");
    }

    @Test
    void eachDiscoveredImageFormatDrawsAMapAndALegend() {
        for (MapImageWriter writer : MapImageFormats.standard().all()) {
            for (String name : writer.formatNames()) {
                MockHttpServletResponse map = call(wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap",
                        "LAYERS", "carence:communes", "STYLES", "", "CRS", "EPSG:2154", "BBOX", BBOX, "WIDTH", "120",
                        "HEIGHT", "80", "FORMAT", name);
                assertThat(map.getStatus()).as(name).isEqualTo(200);
                assertThat(map.getContentType()).as(name).isEqualTo(writer.contentType());
                BufferedImage img = image(map);
                assertThat(img.getWidth()).isEqualTo(120);
                assertThat(img.getHeight()).isEqualTo(80);
            }
            MockHttpServletResponse legend = call(wms, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic",
                    "LAYER", "carence:communes", "FORMAT", writer.formatNames().get(0));
            assertThat(legend.getStatus()).isEqualTo(200);
            assertThat(image(legend).getWidth()).isPositive();
        }
        MockHttpServletResponse unknown = call(wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap",
                "LAYERS", "carence:communes", "STYLES", "", "CRS", "EPSG:2154", "BBOX", BBOX, "WIDTH", "120",
                "HEIGHT", "80", "FORMAT", "image/gif");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(text(unknown)).contains("code=\"InvalidFormat\"", "locator=\"FORMAT\"",
                "Formats disponibles : [image/png, image/png8, image/jpeg]");
    }

    @Test
    void eachDiscoveredFeatureInfoFormatDescribesMende() {
        for (FeatureInfoWriter writer : FeatureInfoFormats.standard().all()) {
            for (String name : writer.formatNames()) {
                MockHttpServletResponse r = featureInfo(name);
                assertThat(r.getStatus()).as(name).isEqualTo(200);
                assertThat(r.getContentType()).as(name).isEqualTo(writer.contentType());
                assertThat(text(r)).as(name).contains("48095", "Mende");
            }
        }
        MockHttpServletResponse unknown = featureInfo("application/x-unknown");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(text(unknown)).contains("code=\"InvalidFormat\"", "locator=\"INFO_FORMAT\"");
    }

    /** A format added to the registry is advertised and served: the lists are not written anywhere else. */
    @Test
    void anAddedPlugInIsAdvertisedAndServed() throws Exception {
        List<MapImageWriter> images = new ArrayList<>(MapImageFormats.standard().all());
        images.add(new BmpWriter());
        List<FeatureInfoWriter> infos = new ArrayList<>(FeatureInfoFormats.standard().all());
        Collections.reverse(infos);
        WmsService extended = new WmsService(store.store(), WmsTestData.catalog(), WmsSettings.defaults(),
                new LayerFeatureCache(store.store(), 0), new MapImageFormats(images), new FeatureInfoFormats(infos));
        Document caps = parse(call(extended, "SERVICE", "WMS", "REQUEST", "GetCapabilities").getContentAsByteArray());
        assertThat(formats(caps, "GetMap")).containsExactly("image/bmp", "image/png", "image/png8", "image/jpeg");
        assertThat(formats(caps, "GetLegendGraphic")).containsExactly("image/png", "image/jpeg");
        // The order comes from the plug-ins, not from the list they were given in.
        assertThat(formats(caps, "GetFeatureInfo")).isEqualTo(FeatureInfoFormats.standard().advertised());
        MockHttpServletResponse bmp = call(extended, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap",
                "LAYERS", "carence:communes", "STYLES", "", "CRS", "EPSG:2154", "BBOX", BBOX, "WIDTH", "40",
                "HEIGHT", "30", "FORMAT", "IMAGE/BMP");
        assertThat(bmp.getContentType()).isEqualTo("image/bmp");
        assertThat(image(bmp).getWidth()).isEqualTo(40);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    }

    private static MockHttpServletResponse featureInfo(String infoFormat) {
        return call(wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "carence:communes",
                "QUERY_LAYERS", "carence:communes", "STYLES", "", "CRS", "EPSG:2154", "BBOX", BBOX, "WIDTH", "200",
                "HEIGHT", "200", "I", "100", "J", "100", "INFO_FORMAT", infoFormat);
    }

    private static List<String> formats(Document caps, String operation) {
        List<String> out = new ArrayList<>();
        NodeList ops = caps.getElementsByTagNameNS("*", operation);
        Element op = (Element) ops.item(0);
        NodeList formats = op.getElementsByTagNameNS(WMS, "Format");
        for (int i = 0; i < formats.getLength(); i++) {
            out.add(formats.item(i).getTextContent());
        }
        return out;
    }

    /** The provider class names of META-INF/services/<kind> on the class path. */
    private static List<String> listed(Class<?> kind) throws IOException {
        List<String> out = new ArrayList<>();
        for (URL url : Collections.list(FormatPluginsTest.class.getClassLoader().getResources("META-INF/services/" + kind.getName()))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
            }
        }
        assertThat(out).as("providers of %s", kind.getSimpleName()).isNotEmpty();
        return out;
    }

    /** A format Carence does not ship, first in order. */
    private static final class BmpWriter implements MapImageWriter {
        @Override
        public int order() {
            return 1;
        }

        @Override
        public List<String> formatNames() {
            return List.of("image/bmp");
        }

        @Override
        public String contentType() {
            return "image/bmp";
        }

        @Override
        public boolean supportsTransparency() {
            return false;
        }

        @Override
        public boolean advertisedForLegends() {
            return false;
        }

        @Override
        public void write(BufferedImage argb, OutputStream out) throws IOException {
            BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(argb, 0, 0, null);
            javax.imageio.ImageIO.write(rgb, "bmp", out);
        }
    }
}
