package fr.carence.ogc.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.testdata.Answers;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import org.springframework.mock.web.MockHttpServletResponse;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Golden-file tests in the manner of MapServer's msautotest: each
 * {@code src/test/resources/golden/<operation>/<case>.request} holds the KVP query string QGIS 3
 * sends; the answer, normalised (volatile {@code timeStamp} blanked, re-indented), must equal
 * {@code <case>.xml} beside it. WFS requests, and the WMS capabilities and GetFeatureInfo (GML)
 * QGIS sends. Runs on H2GIS and on PostGIS (the production store) with the OGC test data and
 * CountDefault 100: both stores must give the same bytes, so one golden file serves both.
 *
 * <p>To regenerate after an intended change: {@code mvn -pl gis-service/ogc -am verify
 * -Dtest=GoldenResponsesTest -Dgolden.update=true}, then review the diff with git.
 */
class GoldenResponsesTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Map<StoreKind, Replayer> REPLAYERS = new EnumMap<>(StoreKind.class);

    /** The WFS and WMS services over one store holding the OGC test data. */
    private record Replayer(TestStore store, WfsCall wfs, WmsService wms) {

        static Replayer open(StoreKind kind) {
            TestStore store = StoreTestSupport.open(kind);
            WfsCall wfs = new WfsCall(store.store(), 100);
            WmsService wms = new WmsService(store.store(), GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
                    SharedData.repoRoot().resolve("sld-styles")), WmsSettings.defaults());
            return new Replayer(store, wfs, wms);
        }

        /** WMS requests (capabilities, GetFeatureInfo) are replayed too; WFS is the default. */
        MockHttpServletResponse replay(Map<String, String> params) throws Exception {
            if (!"WMS".equalsIgnoreCase(params.get("SERVICE"))) {
                return wfs.call(params);
            }
            return Answers.send(wms, params, "http://localhost/wms");
        }
    }

    @AfterAll
    static void close() {
        REPLAYERS.values().forEach(r -> r.store().close());
        REPLAYERS.clear();
    }

    /** Every golden case on each store kind. */
    static Stream<Arguments> cases() throws Exception {
        List<Path> requests = requests();
        return Stream.of(StoreKind.values()).flatMap(kind -> requests.stream().map(r -> Arguments.of(kind, r)));
    }

    private static List<Path> requests() throws Exception {
        try (Stream<Path> s = Files.walk(GOLDEN)) {
            List<Path> list = s.filter(p -> p.toString().endsWith(".request")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(8);
            return list;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void answerMatchesGoldenFile(StoreKind kind, Path request) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : Files.readString(request).trim().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        var response = REPLAYERS.computeIfAbsent(kind, Replayer::open).replay(params);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String actual = normalise(response.getContentAsByteArray());
        Path expectedFile = Path.of(request.toString().replaceAll("\\.request$", ".xml"));
        if (Boolean.getBoolean("golden.update") && kind == StoreKind.H2GIS) {
            Files.writeString(expectedFile, actual);
        }
        assertThat(expectedFile).as("golden file missing: run with -Dgolden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(expectedFile));
    }

    static String normalise(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Node ts = doc.getDocumentElement().getAttributeNode("timeStamp");
        if (ts != null) {
            ts.setNodeValue("NORMALISED");
        }
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().replace("\r\n", "\n") + "\n";
    }
}
