package fr.carence.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.features.FeaturesApi;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.ogc.security.ReadableLayersCatalog;
import fr.carence.ogc.web.OgcApiEndpoint;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.ogc.web.OwsEndpoint;
import fr.carence.ogc.wfs.WfsService;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The analysis' inputs published for QGIS users ({@code frr}, {@code qpv_perimetres},
 * {@code actifs_cs1}) answer over WFS, OGC API Features and (for the one with geometry) WMS on
 * H2GIS and on PostGIS, anonymously, with the counts of the committed Occitanie sample the first
 * start loads: FRR one row per commune of the sample's list, the 105 QPV 2015 perimeters, and no
 * CS1 row (the sample's FD_MOBPRO has no CS1 column, which the layer's abstract says).
 */
class PublishedInputsOnBothStoresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeoServerCatalog CATALOG = GeoServerCatalog.read(Path.of("../../geoserver-data"), Path.of("../../sld-styles"));

    @BothStores
    void theInputLayersAnswerWithTheSampleCounts(FeatureStore store) throws Exception {
        OccitanieSample.loadInto(store, Progress.silent());
        ReadableLayersCatalog anonymous = new ReadableLayersCatalog(CATALOG, Set::of);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(
                new OwsEndpoint(List.of(new WfsService(anonymous, store, OutputFormats.standard(), 10_000, 1_000_000, "Carence test"),
                        new WmsService(store, anonymous, WmsSettings.defaults())), OgcSettings.defaults()),
                new OgcApiEndpoint(new FeaturesApi(anonymous, store, 1_000, 1_000_000, null, "Carence test"), OgcSettings.defaults()))
                .build();

        long frr = sampleCsvRows("frr-juillet2025-occitanie.csv.gz");
        long qpv = sampleGeoJsonFeatures("qpv-2015-perimetres-occitanie.geojson.gz");
        // the sample's SOURCE.md figures, so a changed extract is noticed here too
        assertThat(frr).isEqualTo(4_446);
        assertThat(qpv).isEqualTo(105);

        for (var expected : List.of(new Object[] {"frr", frr}, new Object[] {"qpv_perimetres", qpv}, new Object[] {"actifs_cs1", 0L})) {
            String layer = (String) expected[0];
            long count = (Long) expected[1];
            // WFS: hits, and the features themselves as GeoJSON
            String hits = text(get(mvc, "/wfs", "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature",
                    "TYPENAMES", "carence:" + layer, "RESULTTYPE", "hits"));
            assertThat(hits).as(layer).contains("numberMatched=\"" + count + "\"");
            JsonNode wfs = json(get(mvc, "/wfs", "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature",
                    "TYPENAMES", "carence:" + layer, "OUTPUTFORMAT", "application/json"));
            assertThat(wfs.get("features").size()).as(layer).isEqualTo((int) count);
            // OGC API Features: the collection and its items
            JsonNode items = json(get(mvc, "/ogc/collections/" + layer + "/items", "limit", "1000", "f", "json"));
            assertThat(items.get("numberMatched").asLong()).as(layer).isEqualTo(count);
            assertThat(items.get("features").size()).as(layer).isEqualTo((int) Math.min(count, 1000));
            JsonNode collection = json(get(mvc, "/ogc/collections/" + layer, "f", "json"));
            assertThat(collection.get("title").asText()).as(layer).isEqualTo(CATALOG.layer(layer).orElseThrow().title());
        }

        // FRR classes as the loader writes them, e.g. Millau (SOURCE.md spot check: FRR socle)
        JsonNode millau = json(get(mvc, "/ogc/collections/frr/items", "filter", "code='12145'", "f", "json"));
        assertThat(millau.get("features").size()).isEqualTo(1);
        assertThat(millau.get("features").get(0).get("properties").get("classement").asText()).isEqualTo("frr_socle");
        JsonNode socle = json(get(mvc, "/ogc/collections/frr/items", "filter", "classement='frr_socle'", "limit", "1", "f", "json"));
        assertThat(socle.get("numberMatched").asLong()).as("SOURCE.md: 2,787 FRR socle in Occitanie").isEqualTo(2_787);

        // WMS draws the perimeters' outlines in their style's colour; the tables without geometry
        // are not WMS layers (LayerNotDefined, as for any geometry-less table).
        Envelope e = store.extent("qpv_perimetres").orElseThrow();
        MockHttpServletResponse map = get(mvc, "/wms", "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap",
                "LAYERS", "qpv_perimetres", "STYLES", "", "CRS", "EPSG:2154", "BBOX", String.format(Locale.ROOT,
                        "%.0f,%.0f,%.0f,%.0f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()),
                "WIDTH", "512", "HEIGHT", "512", "FORMAT", "image/png", "TRANSPARENT", "TRUE");
        assertThat(map.getContentType()).as(text(map)).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(map.getContentAsByteArray()));
        int outline = 0;
        int opaque = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) > 0) {
                    opaque++;
                }
                if ((argb >>> 24) == 0xff && (argb >> 16 & 0xff) > 0x90 && (argb >> 8 & 0xff) < 0x30 && (argb & 0xff) > 0x60) {
                    outline++;
                }
            }
        }
        assertThat(outline).isPositive();
        assertThat(opaque).as("outlines only, no fill").isLessThan(img.getWidth() * img.getHeight() / 10);
        for (String table : List.of("frr", "actifs_cs1")) {
            MockHttpServletResponse r = get(mvc, "/wms", "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap",
                    "LAYERS", table, "STYLES", "", "CRS", "EPSG:2154", "BBOX", "500000,6200000,800000,6500000",
                    "WIDTH", "64", "HEIGHT", "64", "FORMAT", "image/png");
            assertThat(text(r)).as(table).contains("LayerNotDefined");
        }
    }

    private static MockHttpServletResponse get(MockMvc mvc, String path, String... kvp) throws Exception {
        var b = MockMvcRequestBuilders.get(path);
        for (int i = 0; i < kvp.length; i += 2) {
            b.param(kvp[i], kvp[i + 1]);
        }
        return mvc.perform(b).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse r) {
        return new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(text(r)).isEqualTo(200);
        return JSON.readTree(r.getContentAsByteArray());
    }

    private static InputStream sample(String file) throws Exception {
        return new GZIPInputStream(OccitanieSample.class.getResourceAsStream(OccitanieSample.DIRECTORY + "/" + file));
    }

    /** Data rows of a sample CSV (header left out, blank lines ignored). */
    private static long sampleCsvRows(String file) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(sample(file), StandardCharsets.UTF_8))) {
            return r.lines().skip(1).filter(l -> !l.isBlank()).count();
        }
    }

    private static long sampleGeoJsonFeatures(String file) throws Exception {
        try (InputStream in = sample(file)) {
            return JSON.readTree(in).get("features").size();
        }
    }
}
