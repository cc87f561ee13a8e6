package fr.carence.ogc.testdata;

import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.ogc.wfs.WfsService;
import fr.carence.store.FeatureStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;

/** Calls a {@link WfsService} over a real store and the real catalogue, without HTTP. */
public final class WfsCall {

    public static final String BASE_URL = "http://localhost/wfs";

    private final WfsService service;

    public WfsCall(FeatureStore store, int maxFeatures) {
        this(store, maxFeatures, 1_000_000);
    }

    public WfsCall(FeatureStore store, int maxFeatures, long exactCountLimit) {
        OgcTestData.load(store);
        GeoServerCatalog catalog = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
                SharedData.repoRoot().resolve("sld-styles"));
        this.service = new WfsService(catalog, store, OutputFormats.standard(), maxFeatures, exactCountLimit, "Carence test");
    }

    /** KVP request: name, value, name, value... (SERVICE/VERSION added). */
    public MockHttpServletResponse get(String... kvp) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WFS");
        p.put("VERSION", "2.0.0");
        for (int i = 0; i < kvp.length; i += 2) {
            p.put(kvp[i], kvp[i + 1]);
        }
        return call(p);
    }

    public MockHttpServletResponse call(Map<String, String> params) throws Exception {
        return Answers.send(service, params, BASE_URL);
    }
}
