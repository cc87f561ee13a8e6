package fr.carence.ogc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.testdata.Xml;
import fr.carence.ogc.wfs.WfsService;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.QueryTimeoutException;
import fr.carence.store.testing.BothStores;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The request limits: CountDefault advertised and applied, image size, BBOX ground area (France
 * with its overseas départements passes in every CRS, the world does not), and the request
 * timeout reaching the store and the renderer, reported as a clean 503 OperationProcessingFailed.
 */
class RequestLimitsTest {

    private static final GeoServerCatalog CATALOG = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
            SharedData.repoRoot().resolve("sld-styles"));

    private static String text(MockHttpServletResponse r) {
        return new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @BothStores
    void countDefaultIsTheConfiguredMaximumAdvertisedAndApplied(FeatureStore store) throws Exception {
        WfsCall wfs = new WfsCall(store, 7);
        Xml caps = new Xml(wfs.get("REQUEST", "GetCapabilities").getContentAsByteArray());
        assertThat(caps.text("//ows:Constraint[@name='CountDefault']/ows:DefaultValue")).isEqualTo("7");
        // WFS 2.0 §7.6.3.4 / CountDefault: a larger COUNT (or none) returns at most CountDefault features, with a next link.
        for (String count : List.of("500", "2147483647", "99999999999999999999")) {
            MockHttpServletResponse r = wfs.get("REQUEST", "GetFeature", "TYPENAMES", "carence:communes", "COUNT", count);
            assertThat(r.getStatus()).as(count + ": " + text(r)).isIn(200, 400);
            if (r.getStatus() == 200) {
                Xml x = new Xml(r.getContentAsByteArray());
                assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("7");
                assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo(String.valueOf(OgcTestData.communesTotal()));
                assertThat(x.text("/wfs:FeatureCollection/@next")).contains("COUNT=7", "STARTINDEX=7");
            } else {
                assertThat(text(r)).contains("InvalidParameterValue", "COUNT");
            }
        }
        Xml none = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "carence:communes").getContentAsByteArray());
        assertThat(none.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("7");
        Xml small = new Xml(wfs.get("REQUEST", "GetFeature", "TYPENAMES", "carence:communes", "COUNT", "3").getContentAsByteArray());
        assertThat(small.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("3");
    }

    private static MockHttpServletResponse wms(WmsService wms, String... kvp) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < kvp.length; i += 2) {
            p.put(kvp[i], kvp[i + 1]);
        }
        return fr.carence.ogc.testdata.Answers.send(wms, p, "http://localhost/wms");
    }

    private static MockHttpServletResponse getMap(WmsService wms, String crs, String bbox, String width) {
        return wms(wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", "carence:departements,carence:communes",
                "CRS", crs, "BBOX", bbox, "WIDTH", width, "HEIGHT", "64", "FORMAT", "image/png");
    }

    /** The envelope of metropolitan France and the five overseas départements (real boundaries) in the given CRS. */
    private static Envelope franceWithOverseas(int epsg) throws Exception {
        Envelope all = new Envelope();
        GeoJsonReader reader = new GeoJsonReader();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                SharedData.dir().resolve("communes-geometry").resolve("departements-2018-avec-outre-mer.geojson.gz")))) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode f : root.get("features")) {
                Envelope e = reader.read(f.get("geometry").toString()).getEnvelopeInternal();
                all.expandToInclude(epsg == 4326 ? e : CrsTransforms.transform(e, 4326, epsg));
            }
        }
        return all;
    }

    @BothStores
    void theBboxAreaLimitLetsFranceAndItsOverseasThroughAndStopsTheWorld(FeatureStore store) throws Exception {
        OgcTestData.load(store);
        WmsService wms = new WmsService(store, CATALOG, WmsSettings.defaults());
        for (int epsg : List.of(2154, 3857, 4326)) {
            Envelope e = franceWithOverseas(epsg);
            // Sanity: the box really spans the Antilles/Guyane to La Réunion.
            assertThat(e.getWidth()).isGreaterThan(epsg == 4326 ? 100 : 10_000_000);
            String bbox = epsg == 4326
                    ? String.format(Locale.ROOT, "%f,%f,%f,%f", e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX())
                    : String.format(Locale.ROOT, "%f,%f,%f,%f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
            MockHttpServletResponse r = getMap(wms, "EPSG:" + epsg, bbox, "128");
            assertThat(r.getStatus()).as("France and overseas in EPSG:%d (%s): %s", epsg, bbox, text(r)).isEqualTo(200);
        }
        for (String[] world : List.of(new String[] {"CRS:84", "-180,-90,180,90"},
                new String[] {"EPSG:3857", "-20037508,-20037508,20037508,20037508"},
                new String[] {"EPSG:2154", "-1e300,-1e300,1e300,1e300"})) {
            MockHttpServletResponse r = getMap(wms, world[0], world[1], "64");
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(text(r)).contains("code=\"InvalidParameterValue\"", "locator=\"BBOX\"", "carence.ogc.max-bbox-area-km2");
        }
        // The limit is a setting.
        WmsService strict = new WmsService(store, CATALOG, WmsSettings.defaults().withLimits(1_000, 256 * 1024, Duration.ofSeconds(60)));
        assertThat(getMap(strict, "EPSG:2154", "700000,6350000,780000,6420000", "64").getStatus()).isEqualTo(400);
        assertThat(getMap(strict, "EPSG:2154", "700000,6350000,720000,6370000", "64").getStatus()).isEqualTo(200);
        // Image size: the existing limit, with the parameter named.
        MockHttpServletResponse big = getMap(wms, "EPSG:2154", "700000,6350000,780000,6420000", "5000");
        assertThat(big.getStatus()).isEqualTo(400);
        assertThat(text(big)).contains("locator=\"WIDTH\"", "4096");
    }

    @BothStores
    void aGetMapPastItsDeadlineGetsOperationProcessingFailed(FeatureStore store) {
        OgcTestData.load(store);
        WmsService wms = new WmsService(store, CATALOG, WmsSettings.defaults().withLimits(200_000_000, 256 * 1024, Duration.ofNanos(1)));
        MockHttpServletResponse r = getMap(wms, "EPSG:2154", "700000,6350000,780000,6420000", "64");
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(text(r)).contains("ServiceExceptionReport", "code=\"OperationProcessingFailed\"", "temps de traitement maximal");
        MockHttpServletResponse inImage = wms(wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS", "carence:communes",
                "CRS", "EPSG:2154", "BBOX", "700000,6350000,780000,6420000", "WIDTH", "64", "HEIGHT", "64", "FORMAT", "image/png",
                "EXCEPTIONS", "INIMAGE");
        assertThat(inImage.getContentType()).isEqualTo("image/png");
    }

    @BothStores
    void wfsAndFeatureInfoReadsCarryTheRequestTimeout(FeatureStore store) throws Exception {
        OgcTestData.load(store);
        Duration timeout = Duration.ofSeconds(42);
        TimingOutStore timingOut = new TimingOutStore(store);
        WfsService wfs = new WfsService(CATALOG, timingOut, OutputFormats.standard(), 100, 1_000_000, "test", timeout);
        for (Map<String, String> p : List.of(
                Map.of("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "carence:communes"),
                Map.of("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES", "carence:communes", "RESULTTYPE", "hits"),
                Map.of("SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetPropertyValue", "TYPENAMES", "carence:communes",
                        "VALUEREFERENCE", "nom"))) {
            MockHttpServletResponse r = fr.carence.ogc.testdata.Answers.send(wfs, p, "http://localhost/wfs");
            assertThat(r.getStatus()).as(text(r)).isEqualTo(503);
            assertThat(text(r)).contains("ows:ExceptionReport", "exceptionCode=\"OperationProcessingFailed\"", "carence.ogc.request-timeout");
        }
        WmsService wms = new WmsService(timingOut, CATALOG, WmsSettings.defaults().withLimits(200_000_000, 1024, timeout));
        MockHttpServletResponse r = wms(wms, "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetFeatureInfo", "LAYERS", "carence:communes",
                "QUERY_LAYERS", "carence:communes", "CRS", "EPSG:2154", "BBOX", "700000,6350000,780000,6420000", "WIDTH", "64",
                "HEIGHT", "64", "I", "32", "J", "32", "INFO_FORMAT", "application/json");
        assertThat(r.getStatus()).as(text(r)).isEqualTo(503);
        assertThat(timingOut.timeouts).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(timeout));
    }

    /**
     * A store whose feature reads time out (as the database does when a query runs past its JDBC
     * timeout), recording the timeout each read asked for; reads without a timeout go through.
     */
    static final class TimingOutStore implements FeatureStore {
        private final FeatureStore delegate;
        final List<Duration> timeouts = new ArrayList<>();

        TimingOutStore(FeatureStore delegate) {
            this.delegate = delegate;
        }

        private void timeOut(FeatureQuery q) {
            if (q.timeout() != null) {
                timeouts.add(q.timeout());
                throw new QueryTimeoutException("test store: the query exceeded its time limit");
            }
        }

        @Override
        public FeatureCursor query(String layer, FeatureQuery query) {
            timeOut(query);
            return delegate.query(layer, query);
        }

        @Override
        public long count(String layer, FeatureQuery query) {
            timeOut(query);
            return delegate.count(layer, query);
        }

        @Override
        public String kind() {
            return delegate.kind();
        }

        @Override
        public List<String> layerNames() {
            return delegate.layerNames();
        }

        @Override
        public Optional<LayerSchema> schema(String layer) {
            return delegate.schema(layer);
        }

        @Override
        public Optional<LayerInfo> info(String layer) {
            return delegate.info(layer);
        }

        @Override
        public LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source) {
            throw new UnsupportedOperationException("read-only test store");
        }

        @Override
        public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
            throw new UnsupportedOperationException("read-only test store");
        }

        @Override
        public LayerTransaction transaction() {
            throw new UnsupportedOperationException("read-only test store");
        }

        @Override
        public long deletePartition(String layer, String column, Object value) {
            throw new UnsupportedOperationException("read-only test store");
        }

        @Override
        public void dropLayer(String layer) {
            throw new UnsupportedOperationException("read-only test store");
        }

        @Override
        public OptionalLong estimatedCount(String layer) {
            return delegate.estimatedCount(layer);
        }

        @Override
        public Optional<Envelope> extent(String layer) {
            return delegate.extent(layer);
        }

        @Override
        public boolean isAvailable() {
            return delegate.isAvailable();
        }

        @Override
        public void close() {
            // the delegate belongs to the test extension
        }
    }
}
