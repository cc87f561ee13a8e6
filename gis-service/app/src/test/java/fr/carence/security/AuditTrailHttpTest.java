package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.testing.RunningSampleService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Who did what, over HTTP on the shared running service: scenario runs record their author
 * (shown by the API, kept in the store), and runs, deletions, refused accesses and uploads each
 * write one audit line naming the login, never a password or a token.
 */
class AuditTrailHttpTest extends RunningSampleService {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aScenarioRunKeepsItsAuthorAndRunsDeletionsAndRefusalsAreAudited() throws Exception {
        HttpCalls http = new HttpCalls(url(""));
        try (AuditLines audit = new AuditLines()) {
            HttpResponse<String> run = http.as(Caller.PLANNER_BEARER, "POST", "/api/scenarios",
                    "{\"id\":\"audit-auteur\",\"nom\":\"Audit\",\"parametres\":{\"nombre_sites\":2}}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
            assertThat(json.readTree(run.body()).path("auteur").asText()).isEqualTo("planif");
            String status = "";
            for (int i = 0; i < 600 && !status.equals("termine") && !status.equals("echec"); i++) {
                Thread.sleep(500);
                status = json.readTree(http.get(Caller.ANONYMOUS, "/api/scenarios/audit-auteur").body()).path("statut").asText();
            }
            assertThat(status).isEqualTo("termine");
            // Finished: the record is now the one stored in the scenarios table.
            // The author is shown to accounts only (security/columns.properties).
            JsonNode list = json.readTree(http.get(Caller.FUNDER_BASIC, "/api/scenarios").body());
            assertThat(find(json.readTree(http.get(Caller.ANONYMOUS, "/api/scenarios").body()), "audit-auteur")
                    .path("auteur").isNull()).as("anonymous").isTrue();
            JsonNode mine = find(list, "audit-auteur");
            assertThat(mine.path("auteur").asText()).isEqualTo("planif");
            assertThat(find(list, "defaut").path("auteur").isNull()).as("started by the server itself").isTrue();

            assertThat(http.as(Caller.FUNDER_BASIC, "DELETE", "/api/scenarios/audit-auteur", null).statusCode()).isEqualTo(403);
            assertThat(http.as(Caller.ADMIN_BASIC, "DELETE", "/api/scenarios/audit-auteur", null).statusCode()).isEqualTo(204);

            assertThat(audit.of("scenario_lance"))
                    .containsExactly("evenement=scenario_lance login=planif ip=127.0.0.1 scenario=audit-auteur");
            assertThat(audit.of("acces_refuse")).contains(
                    "evenement=acces_refuse login=financeur ip=127.0.0.1 statut=403 motif=role requete=\"DELETE /api/scenarios/audit-auteur\"");
            assertThat(audit.of("scenario_supprime"))
                    .containsExactly("evenement=scenario_supprime login=admin ip=127.0.0.1 scenario=audit-auteur");
            assertNoSecret(audit.lines());
        }
    }

    @Test
    void anUploadIsAuditedWithTheAdministratorTheDatasetTheFilesAndTheOutcome() throws Exception {
        String boundary = "fixture-frontiere-audit";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"fixture-vide.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncode;nom\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/chargements/fixture-jeu-inexistant")))
                .header("Authorization", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try (AuditLines audit = new AuditLines()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            assertThat(audit.of("chargement")).containsExactly("evenement=chargement login=admin ip=127.0.0.1 "
                    + "jeu=fixture-jeu-inexistant fichiers=fixture-vide.csv resultat=echec erreur=UnknownDatasetException");
            assertNoSecret(audit.lines());
        }
    }

    @Test
    void anAcceptedUploadIsAuditedOnReceiptAndAtItsJobsEnd() throws Exception {
        String boundary = "fixture-frontiere-audit";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichiers\"; filename=\"fixture-sans-colonnes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncode;nom\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/chargements/lieux")))
                .header("Authorization", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try (AuditLines audit = new AuditLines()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String id = json.readTree(r.body()).path("id").asText();
            assertThat(audit.of("chargement")).containsExactly("evenement=chargement login=admin ip=127.0.0.1 "
                    + "jeu=lieux fichiers=fixture-sans-colonnes.csv resultat=accepte travail=" + id);
            HttpCalls http = new HttpCalls(url(""));
            JsonNode job = null;
            for (int i = 0; i < 600 && (job == null || job.path("statut").asText().startsWith("en_")); i++) {
                Thread.sleep(100);
                job = json.readTree(http.as(Caller.ADMIN_BASIC, "GET", "/api/chargements/travaux/" + id, null).body());
            }
            assertThat(job.path("statut").asText()).as(job.toString()).isEqualTo("echec");
            assertThat(job.path("erreur").path("erreur").asText()).isEqualTo("chargement_refuse");
            assertThat(job.path("erreur").path("fichier").asText()).isEqualTo("fixture-sans-colonnes.csv");
            assertThat(audit.of("chargement_termine")).containsExactly("evenement=chargement_termine login=admin travail=" + id
                    + " jeu=lieux resultat=echec erreur=chargement_refuse");
            assertNoSecret(audit.lines());
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> n.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + id + " in " + list));
    }

    private static void assertNoSecret(List<String> lines) {
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(TestAccounts.PLANNER_TOKEN) || l.contains(TestAccounts.ADMIN_TOKEN)
                || l.contains(TestAccounts.FUNDER_TOKEN) || l.contains(TestAccounts.ADMIN.password())
                || l.contains(TestAccounts.FUNDER.password()) || l.contains("Basic ") || l.contains("Bearer "));
    }
}
