package fr.carence.ogc.wms;

import static fr.carence.ogc.wms.WmsCall.call;
import static fr.carence.ogc.wms.WmsCall.image;
import static fr.carence.ogc.wms.WmsCall.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.render.legend.LegendRenderer;
import fr.carence.render.sld.SldParser;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** GetCapabilities, GetFeatureInfo, GetLegendGraphic and exceptions over the real catalogue and communes. */
class WmsOperationsTest {

    private static final Catalog CATALOG = WmsTestData.catalog();
    private static final String WMS = "http://www.opengis.net/wms";

    private static WmsService service(FeatureStore store) {
        WmsTestData.load(store);
        return new WmsService(store, CATALOG, WmsSettings.defaults());
    }

    private static String aurillacBbox() {
        double[] p = CrsTransforms.transform(WmsTestData.AURILLAC_LON, WmsTestData.AURILLAC_LAT, 4326, 2154);
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", p[0] - 5000, p[1] - 5000, p[0] + 5000, p[1] + 5000);
    }

    private static Document xml(MockHttpServletResponse r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.getContentAsByteArray()));
    }

    @BothStores
    void capabilitiesListGeometryLayersInFrenchGroupsWithAxisOrderedBoxesAndLegends(FeatureStore store) throws Exception {
        WmsService wms = service(store);
        MockHttpServletResponse r = call(wms, "SERVICE", "WMS", "REQUEST", "GetCapabilities");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/xml");
        Document doc = xml(r);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(root.getAttribute("version")).isEqualTo("1.3.0");
        NodeList resources = doc.getElementsByTagNameNS(WMS, "OnlineResource");
        for (int i = 0; i < resources.getLength(); i++) {
            Element e = (Element) resources.item(i);
            String href = e.getAttributeNS("http://www.w3.org/1999/xlink", "href");
            if (!"LegendURL".equals(((Element) e.getParentNode()).getLocalName())) {
                assertThat(href).as("operation URL without query string").isEqualTo(WmsCall.BASE_URL);
            }
        }
        List<String> names = new ArrayList<>();
        List<String> groupTitles = new ArrayList<>();
        NodeList layers = doc.getElementsByTagNameNS(WMS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            Element name = child(l, "Name");
            if (name != null) {
                names.add(name.getTextContent());
                assertThat(l.getAttribute("queryable")).isEqualTo("1");
            } else if (l.getParentNode() != root.getElementsByTagNameNS(WMS, "Capability").item(0)) {
                groupTitles.add(child(l, "Title").getTextContent());
            }
        }
        assertThat(groupTitles).containsExactly("Données d'entrée", "Résultats");
        // Loaded: communes and indicateurs_communes; result layers are listed before any run.
        assertThat(names).containsExactly("carence:communes", "carence:flux_od", "carence:indicateurs_communes",
                "carence:sites_candidats", "carence:zones_carence", "carence:zones_carence_residuelles");
        Element communes = layerNamed(doc, "carence:communes");
        Element geo = child(communes, "EX_GeographicBoundingBox");
        double west = Double.parseDouble(child(geo, "westBoundLongitude").getTextContent());
        double south = Double.parseDouble(child(geo, "southBoundLatitude").getTextContent());
        assertThat(west).isBetween(1.7, 2.1);
        assertThat(south).isBetween(43.6, 43.8);
        Element box4326 = box(communes, "EPSG:4326");
        assertThat(Double.parseDouble(box4326.getAttribute("minx"))).as("EPSG:4326 minx is a latitude").isEqualTo(south);
        assertThat(Double.parseDouble(box4326.getAttribute("miny"))).isEqualTo(west);
        assertThat(Double.parseDouble(box(communes, "CRS:84").getAttribute("minx"))).isEqualTo(west);
        assertThat(Double.parseDouble(box(communes, "EPSG:2154").getAttribute("minx"))).isBetween(590_000.0, 620_000.0);
        Element style = child(layerNamed(doc, "carence:indicateurs_communes"), "Style");
        assertThat(child(style, "Name").getTextContent()).isEqualTo("carence_score");
        Element legend = child(style, "LegendURL");
        String href = ((Element) legend.getElementsByTagNameNS(WMS, "OnlineResource").item(0))
                .getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertThat(href).isEqualTo(WmsCall.BASE_URL + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic"
                + "&FORMAT=image%2Fpng&LAYER=carence%3Aindicateurs_communes&STYLE=carence_score");
        // the FRR classes of the communes (input layer frr has no geometry): an alternative style of the indicators
        List<String> indicatorStyles = new ArrayList<>();
        NodeList styles = layerNamed(doc, "carence:indicateurs_communes").getElementsByTagNameNS(WMS, "Style");
        for (int i = 0; i < styles.getLength(); i++) {
            indicatorStyles.add(child((Element) styles.item(i), "Name").getTextContent());
        }
        assertThat(indicatorStyles).containsExactly("carence_score", "demande", "fragilite", "couverture_thd", "frr");
        List<String> crs = new ArrayList<>();
        NodeList crsList = ((Element) layers.item(0)).getElementsByTagNameNS(WMS, "CRS");
        for (int i = 0; i < crsList.getLength(); i++) {
            crs.add(crsList.item(i).getTextContent());
        }
        assertThat(crs).contains("EPSG:2154", "EPSG:4326", "EPSG:3857", "CRS:84", "EPSG:5490", "EPSG:2972", "EPSG:2975", "EPSG:4471");
    }

    @BothStores
    void featureInfoAtAurillacReturnsAurillacInEveryFormat(FeatureStore store) throws Exception {
        WmsService wms = service(store);
        String[] base = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "communes",
                "QUERY_LAYERS", "communes", "STYLES", "", "CRS", "EPSG:2154", "BBOX", aurillacBbox(), "WIDTH", "200",
                "HEIGHT", "200", "I", "100", "J", "100", "FORMAT", "image/png"};
        MockHttpServletResponse json = call(wms, with(base, "INFO_FORMAT", "application/json"));
        assertThat(json.getStatus()).as(text(json)).isEqualTo(200);
        assertThat(json.getContentType()).startsWith("application/json");
        JsonNode fc = new ObjectMapper().readTree(json.getContentAsByteArray());
        assertThat(fc.get("features")).hasSize(1);
        JsonNode f = fc.get("features").get(0);
        assertThat(f.get("properties").get("code").asText()).isEqualTo("15014");
        assertThat(f.get("properties").get("nom").asText()).isEqualTo("Aurillac");
        assertThat(f.get("properties").get("population").asInt()).isEqualTo(WmsTestData.AURILLAC_POPULATION);
        assertThat(f.get("layer").asText()).isEqualTo("carence:communes");
        double lon = f.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble();
        assertThat(lon).as("GeoJSON in lon/lat").isBetween(2.3, 2.6);

        assertThat(text(call(wms, with(base, "INFO_FORMAT", "text/html")))).contains("<td>Aurillac</td>").contains("<th>code</th>");
        assertThat(text(call(wms, with(base, "INFO_FORMAT", "text/plain")))).contains("nom = Aurillac");
        String gml3 = text(call(wms, with(base, "INFO_FORMAT", "application/vnd.ogc.gml/3.1.1")));
        assertThat(gml3).contains("gml:id=\"communes.15014\"").contains("<gml:posList>").contains("srsName=\"EPSG:2154\"");
        String gml2 = text(call(wms, with(base, "INFO_FORMAT", "application/vnd.ogc.gml")));
        assertThat(gml2).contains("fid=\"communes.15014\"").contains("<gml:coordinates>");

        // A 10 km box at the corner: 4 px tolerance does not reach a neighbour; FEATURE_COUNT caps the list.
        JsonNode many = new ObjectMapper().readTree(call(wms, with(with(base, "INFO_FORMAT", "application/json"),
                "FEATURE_COUNT", "5")).getContentAsByteArray());
        assertThat(many.get("features")).hasSize(1);

        // Scenario: the fixture demande at Aurillac differs between scenarios.
        String[] ind = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "indicateurs_communes",
                "QUERY_LAYERS", "indicateurs_communes", "STYLES", "demande", "CRS", "EPSG:2154", "BBOX", aurillacBbox(),
                "WIDTH", "200", "HEIGHT", "200", "I", "100", "J", "100", "INFO_FORMAT", "application/json"};
        JsonNode b = new ObjectMapper().readTree(call(wms, with(ind, "SCENARIO", "fixture_b")).getContentAsByteArray());
        assertThat(b.at("/features/0/properties/demande").asDouble()).isEqualTo(WmsTestData.AURILLAC_POPULATION / 2000.0);
        assertThat(b.at("/features/0/properties/scenario").asText()).isEqualTo("fixture_b");
    }

    @BothStores
    void legendGraphicHasOneRowPerRule(FeatureStore store) throws Exception {
        WmsService wms = service(store);
        MockHttpServletResponse r = call(wms, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER",
                "carence:indicateurs_communes", "STYLE", "demande", "FORMAT", "image/png");
        assertThat(r.getContentType()).isEqualTo("image/png");
        BufferedImage img = image(r);
        var style = new SldParser().parse(Files.readString(WmsTestData.repoDir("sld-styles").resolve("demande.sld")), "demande");
        BufferedImage expected = new LegendRenderer().render(style, 20, 20, false);
        assertThat(img.getHeight()).isEqualTo(expected.getHeight());
        assertThat(img.getRGB(12, 12 + 24 * 4)).isEqualTo(0xff08306b);
        BufferedImage big = image(call(wms, "REQUEST", "GetLegendGraphic", "LAYER", "indicateurs_communes",
                "WIDTH", "40", "HEIGHT", "30"));
        assertThat(big.getHeight()).isEqualTo(2 * 2 + 6 * 30 + 5 * 4); // default style carence_score: 6 rules
        assertThat(text(call(wms, "REQUEST", "GetLegendGraphic", "LAYER", "communes", "STYLE", "demande")))
                .contains("StyleNotDefined");
    }

    @BothStores
    void errorsAreServiceExceptionReportsWithCodeAndLocator(FeatureStore store) throws Exception {
        WmsService wms = service(store);
        String[] ok = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", "communes", "STYLES", "",
                "CRS", "EPSG:2154", "BBOX", aurillacBbox(), "WIDTH", "200", "HEIGHT", "200", "FORMAT", "image/png"};
        assertException(call(wms, with(ok, "LAYERS", "inconnue")), "LayerNotDefined", "LAYERS");
        assertException(call(wms, with(ok, "LAYERS", "communes_insee")), "LayerNotDefined", "LAYERS");
        assertException(call(wms, with(ok, "STYLES", "pas_un_style")), "StyleNotDefined", "STYLES");
        assertException(call(wms, with(ok, "STYLES", "demande")), "StyleNotDefined", "STYLES");
        assertException(call(wms, with(ok, "CRS", "EPSG:27572")), "InvalidCRS", "CRS");
        assertException(call(wms, with(ok, "FORMAT", "image/gif")), "InvalidFormat", "FORMAT");
        assertException(call(wms, with(ok, "WIDTH", "5000")), "InvalidParameterValue", "WIDTH");
        assertException(call(wms, with(ok, "HEIGHT", "0")), "InvalidParameterValue", "HEIGHT");
        assertException(call(wms, with(ok, "BBOX", "700000,6500000,600000,6400000")), "InvalidParameterValue", "BBOX");
        assertException(call(wms, with(ok, "BBOX", "1,1,1,1")), "InvalidParameterValue", "BBOX");
        assertException(call(wms, with(ok, "TRANSPARENT", "peut-être")), "InvalidParameterValue", "TRANSPARENT");
        assertException(call(wms, with(ok, "SCENARIO", "x' OR '1'='1")), "InvalidParameterValue", "SCENARIO");
        assertException(call(wms, with(ok, "VERSION", "1.1.1")), "InvalidParameterValue", "VERSION");
        assertException(call(wms, "SERVICE", "WMS", "REQUEST", "GetMap"), "MissingParameterValue", "LAYERS");
        assertException(call(wms, "SERVICE", "WMS", "REQUEST", "DescribeLayer"), "OperationNotSupported", "REQUEST");
        String[] gfi = with(with(ok, "REQUEST", "GetFeatureInfo"), "QUERY_LAYERS", "communes");
        assertException(call(wms, with(with(gfi, "I", "200"), "J", "5")), "InvalidPoint", "I");
        assertException(call(wms, with(with(gfi, "I", "5"), "J", "5", "INFO_FORMAT", "image/png")), "InvalidFormat", "INFO_FORMAT");
        assertException(call(wms, with(with(gfi, "I", "5"), "J", "5", "QUERY_LAYERS", "indicateurs_communes")),
                "LayerNotDefined", "QUERY_LAYERS");
    }

    @BothStores
    void inImageAndBlankExceptionsAreImagesOfTheRequestedSize(FeatureStore store) throws Exception {
        WmsService wms = service(store);
        String[] bad = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", "inconnue", "STYLES", "",
                "CRS", "EPSG:2154", "BBOX", aurillacBbox(), "WIDTH", "300", "HEIGHT", "120", "FORMAT", "image/png"};
        MockHttpServletResponse inImage = call(wms, with(bad, "EXCEPTIONS", "INIMAGE"));
        assertThat(inImage.getStatus()).isEqualTo(200);
        BufferedImage img = image(inImage);
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(120);
        int red = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 300; x++) {
                int p = img.getRGB(x, y);
                red += ((p >> 16) & 0xff) > 120 && ((p >> 8) & 0xff) < 100 ? 1 : 0;
            }
        }
        assertThat(red).as("message drawn in red").isGreaterThan(50);
        BufferedImage blank = image(call(wms, with(with(bad, "EXCEPTIONS", "BLANK"), "TRANSPARENT", "TRUE")));
        assertThat(blank.getWidth()).isEqualTo(300);
        assertThat(blank.getRGB(0, 0) >>> 24).isZero();
        assertThat(blank.getRGB(150, 60) >>> 24).isZero();
        // Unusable WIDTH: the XML report, whatever EXCEPTIONS says.
        assertException(call(wms, with(with(bad, "EXCEPTIONS", "INIMAGE"), "WIDTH", "abc")), "LayerNotDefined", "LAYERS");
    }

    private static void assertException(MockHttpServletResponse r, String code, String locator) throws Exception {
        assertThat(r.getContentType()).as(text(r)).startsWith("text/xml");
        assertThat(r.getStatus()).isBetween(400, 499);
        Document doc = xml(r);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("ServiceExceptionReport");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("1.3.0");
        Element e = (Element) doc.getElementsByTagNameNS("http://www.opengis.net/ogc", "ServiceException").item(0);
        assertThat(e.getAttribute("code")).as(text(r)).isEqualTo(code);
        assertThat(e.getAttribute("locator")).isEqualTo(locator);
        assertThat(e.getTextContent()).isNotBlank().doesNotContain("Exception").doesNotContain("at fr.");
    }

    /** The KVP array with the given names set (replacing earlier values). */
    private static String[] with(String[] kvp, String... more) {
        List<String> out = new ArrayList<>(List.of(kvp));
        for (int i = 0; i < more.length; i += 2) {
            int idx = -1;
            for (int k = 0; k < out.size(); k += 2) {
                if (out.get(k).equalsIgnoreCase(more[i])) {
                    idx = k;
                }
            }
            if (idx >= 0) {
                out.set(idx + 1, more[i + 1]);
            } else {
                out.add(more[i]);
                out.add(more[i + 1]);
            }
        }
        return out.toArray(String[]::new);
    }

    private static Element child(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element layerNamed(Document doc, String name) {
        NodeList layers = doc.getElementsByTagNameNS(WMS, "Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element l = (Element) layers.item(i);
            Element n = child(l, "Name");
            if (n != null && n.getTextContent().equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no layer " + name);
    }

    private static Element box(Element layer, String crs) {
        for (org.w3c.dom.Node n = layer.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "BoundingBox".equals(e.getLocalName()) && crs.equals(e.getAttribute("CRS"))) {
                return e;
            }
        }
        throw new AssertionError("no BoundingBox " + crs);
    }
}
