package fr.carence.ogc.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.security.ReadableLayersCatalog;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.web.OgcApiEndpoint;
import fr.carence.ogc.web.OgcSettings;
import fr.carence.store.FeatureStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Calls the /ogc endpoint (real controller, real catalogue, real store) as a caller with given roles. */
final class ApiCall {

    static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    ApiCall(FeatureStore store, int maxLimit, Set<String> roles) {
        OgcTestData.load(store);
        GeoServerCatalog catalog = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
                SharedData.repoRoot().resolve("sld-styles"));
        FeaturesApi api = new FeaturesApi(new ReadableLayersCatalog(catalog, () -> roles), store, maxLimit, 1_000_000, null,
                "Carence test");
        this.mvc = MockMvcBuilders.standaloneSetup(new OgcApiEndpoint(api, OgcSettings.defaults())).build();
    }

    /** GET path with parameters name, value, name, value… */
    MockHttpServletResponse get(String path, String... kvp) throws Exception {
        MockHttpServletRequestBuilder b = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        for (int i = 0; i < kvp.length; i += 2) {
            b.param(kvp[i], kvp[i + 1]);
        }
        return perform(b);
    }

    /** As a browser asks: Accept text/html first. */
    MockHttpServletResponse html(String path, String... kvp) throws Exception {
        MockHttpServletRequestBuilder b = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        for (int i = 0; i < kvp.length; i += 2) {
            b.param(kvp[i], kvp[i + 1]);
        }
        return perform(b);
    }

    /** Follows an absolute link (next, prev) as a client would. */
    MockHttpServletResponse follow(String href) throws Exception {
        return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(URI.create(href)));
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }
}
