package fr.carence.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.store.FeatureQuery;
import fr.carence.security.TestAccounts;
import fr.carence.store.FeatureStore;
import fr.carence.testing.RunningSampleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The README's run command, as a test: an empty embedded store, first start loads the committed
 * Occitanie sample and computes the default scenario, and every public face of the service
 * (web map, WMS, WFS, REST API) answers with real content. Candidate sites are a restricted layer:
 * the funder's account reads them.
 */
class FirstStartEndToEndTest extends RunningSampleService {

    @Autowired
    TestRestTemplate http;

    @Autowired
    FeatureStore store;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void firstStartLoadsTheSampleAndComputesTheDefaultScenario() throws Exception {
        // Occitanie: 13 départements, about 4,450 communes in the current COG.
        long communes = store.count("communes", FeatureQuery.all());
        assertThat(communes).isBetween(4000L, 5000L);
        assertThat(store.count("lieux_existants", FeatureQuery.all())).isEqualTo(73);

        JsonNode scenarios = json.readTree(http.getForObject("/api/scenarios", String.class));
        JsonNode list = scenarios.isArray() ? scenarios : scenarios.path("scenarios");
        assertThat(list.findValuesAsText("id")).contains("defaut");
        assertThat(store.schema("zones_carence")).isPresent();
        assertThat(store.schema("sites_candidats")).isPresent();
    }

    @Test
    void webMapAndOpenLayersAreServedLocally() {
        ResponseEntity<String> index = http.getForEntity("/", String.class);
        assertThat(index.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(index.getBody()).contains("Carence").contains("webjars/ol/10.7.0/dist/ol.js");
        assertThat(http.getForEntity("/webjars/ol/10.7.0/dist/ol.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/webjars/proj4/2.7.2/dist/proj4.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wmsAndWfsPublishTheResults() {
        String wms = http.getForObject("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", String.class);
        assertThat(wms).contains("WMS_Capabilities").contains("zones_carence").doesNotContain("sites_candidats");
        String funderWms = asFunder("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").getBody();
        assertThat(funderWms).contains("WMS_Capabilities").contains("zones_carence").contains("sites_candidats");
        ResponseEntity<byte[]> map = http.getForEntity("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=carence:zones_carence"
                + "&STYLES=&CRS=EPSG:2154&BBOX=450000,6150000,850000,6450000&WIDTH=400&HEIGHT=300&FORMAT=image/png", byte[].class);
        assertThat(map.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(map.getHeaders().getContentType()).hasToString("image/png");

        String sites = asFunder("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:sites_candidats"
                + "&OUTPUTFORMAT=application/json").getBody();
        assertThat(sites).contains("FeatureCollection").contains("\"Point\"");
    }

    private ResponseEntity<String> asFunder(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, TestAccounts.FUNDER.basic());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
