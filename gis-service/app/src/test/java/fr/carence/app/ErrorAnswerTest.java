package fr.carence.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.security.TestAccounts;
import fr.carence.testing.RunningSampleService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Errors that no controller handles (unknown address, wrong method, wrong content type) answer in
 * the caller's language: French JSON on the API and elsewhere, an OWS report on the OGC endpoints;
 * never Spring's English body, a whitelabel page or an exception name.
 */
class ErrorAnswerTest extends RunningSampleService {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void unknownApiAddressIsAFrenchJsonError() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/inexistant"))).GET());
        assertApiError(r, 404, "adresse_inconnue");
        assertThat(json.readTree(r.body()).path("message").asText()).contains("/api/inexistant");
    }

    @Test
    void wrongMethodIsAFrenchJsonError() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/scenarios/defaut")))
                .header("Authorization", TestAccounts.ADMIN.basic())
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        assertApiError(r, 405, "methode_non_autorisee");
        assertThat(json.readTree(r.body()).path("message").asText()).contains("PUT");
    }

    @Test
    void wrongContentTypeNamesTheHeader() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/scenarios")))
                .header("Authorization", TestAccounts.PLANNER.basic())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("nom=essai")));
        assertApiError(r, 415, "type_de_contenu_refuse");
        assertThat(json.readTree(r.body()).path("parametre").asText()).isEqualTo("Content-Type");
    }

    @Test
    void wrongMethodOnAnOgcEndpointIsAnOwsReport() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/wfs")))
                .PUT(HttpRequest.BodyPublishers.ofString("<x/>")));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(r.body()).contains("ExceptionReport", "OperationNotSupported", "PUT");
        assertNoLeak(r);
    }

    private void assertApiError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("statut").asInt()).isEqualTo(status);
        assertThat(body.path("erreur").asText()).isEqualTo(code);
        assertThat(body.has("timestamp")).as("Spring's default English body").isFalse();
        assertNoLeak(r);
    }

    private static void assertNoLeak(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("Whitelabel", "Exception:", "java.", "org.springframework", "\tat ");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
