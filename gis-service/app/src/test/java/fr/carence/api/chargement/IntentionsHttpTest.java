package fr.carence.api.chargement;

import static fr.carence.testing.ServiceHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.analysis.result.ResultRows;
import fr.carence.analysis.store.AnalysisInputReader;
import fr.carence.security.TestAccounts;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import fr.carence.testing.PdfText;
import fr.carence.testing.RunningSampleService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/intentions} on the shared running service (Occitanie sample): the template is public
 * and loads as is, loading needs a planner (or an administrator), a bad file answers one French 400
 * listing every bad line with its column and leaves the loaded intentions as they were, and a
 * scenario run after a good file publishes residual zones that apply it. The intentions layer is
 * hidden from anonymous callers (WFS), and the residual zones' {@code intentions} column too.
 *
 * <p>The intention file is made up: one confirmed 500-seat venue in a commune of the default
 * scenario's first zone.
 */
class IntentionsHttpTest extends RunningSampleService {

    private static final String PLANNER = TestAccounts.bearer(TestAccounts.PLANNER_TOKEN);
    private static final String FUNDER = TestAccounts.bearer(TestAccounts.FUNDER_TOKEN);

    @Autowired
    FeatureStore store;

    private HttpResponse<String> send(String method, String path, String auth, String contentType, byte[] body) {
        return http().send(method, path, auth, contentType, body);
    }

    private HttpResponse<String> upload(String auth, String filename, String content) throws Exception {
        String boundary = "----carence-test-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/api/intentions", auth, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private HttpResponse<byte[]> bytes(String path, String auth) {
        return http().get(path, auth);
    }

    /** An inventoried venue and the zone of the default scenario it is nearest to. */
    private record VenueNearZone(Feature venue, String codeZone, double distance) {
    }

    /** The inventoried venue nearest to any zone of the default scenario, within 20 km (the dossier lists the intentions within 30 km). */
    private VenueNearZone venueNearestToAZone() {
        List<Feature> zones = new ArrayList<>();
        try (FeatureCursor c = store.query("zones_carence", FeatureQuery.all().withFilter(
                new Filter.Compare("scenario", ComparisonOperator.EQ, "defaut")))) {
            c.forEachRemaining(zones::add);
        }
        VenueNearZone best = null;
        try (FeatureCursor c = store.query("lieux_existants", FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                for (Feature z : zones) {
                    double d = z.geometry().distance(f.geometry());
                    if (best == null || d < best.distance()) {
                        best = new VenueNearZone(f, (String) z.get("code_zone"), d);
                    }
                }
            }
        }
        assertThat(best).isNotNull();
        // The intention goes to its commune's representative point, a few km at most from the venue's point.
        assertThat(best.distance()).as("sample: a venue near a zone (dossier lists intentions within 30 km)").isLessThan(20_000);
        return best;
    }

    private List<String> intentionsSnapshot() {
        List<String> out = new ArrayList<>();
        if (store.schema(AnalysisInputReader.INTENTIONS).isEmpty()) {
            return out;
        }
        try (FeatureCursor c = store.query(AnalysisInputReader.INTENTIONS, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.add(f.id() + " " + f.geometry() + " " + new java.util.TreeMap<>(f.properties()));
            }
        }
        out.sort(null);
        return out;
    }

    private JsonNode wfs(String layer, String filter, String auth) throws Exception {
        String q = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + layer
                + "&OUTPUTFORMAT=application/json" + (filter == null ? "" : "&" + filter);
        HttpResponse<String> r = send("GET", q, auth, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void templatesArePublicAndDocumentEveryColumn() throws Exception {
        HttpResponse<String> csv = send("GET", "/api/intentions/modele.csv", null, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("modele-intentions-amii.csv");
        assertThat(csv.body().replace("\uFEFF", "")).startsWith("id;porteur;type;adresse;code_commune;lon;lat;places;date_ouverture;statut");
        HttpResponse<String> geojson = send("GET", "/api/intentions/modele.geojson", null, null, null);
        assertThat(geojson.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(geojson.body()).path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode columns = JSON.readTree(send("GET", "/api/intentions/colonnes", null, null, null).body());
        assertThat(columns).hasSize(10);
        assertThat(columns.get(1).path("name").asText()).isEqualTo("porteur");
        assertThat(columns.get(1).path("required").asBoolean()).isTrue();
    }

    @Test
    void onlyPlannersLoadAndAccountsReadTheState() throws Exception {
        assertThat(upload(null, "amii.csv", "x").statusCode()).isEqualTo(401);
        assertThat(upload(FUNDER, "amii.csv", "x").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/intentions", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/intentions", FUNDER, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBadFileListsEveryLineAndAGoodOneIsAppliedByTheNextRun() throws Exception {
        List<String> before = intentionsSnapshot();
        HttpResponse<String> bad = upload(PLANNER, "amii-faux.csv", String.join("\n",
                "id;porteur;type;code_commune;places;statut",
                "A-1;Mairie;coworking;12145;10;projet",
                "A-2;;coworking;12145;10;projet",
                "A-3;SCIC;garage;12145;10;projet",
                "A-4;SARL;coworking;12145;-3;projet",
                ""));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(bad.body());
        assertThat(error.path("erreur").asText()).isEqualTo("fichier_invalide");
        assertThat(error.path("fichier").asText()).isEqualTo("amii-faux.csv");
        assertThat(error.path("message").asText()).startsWith("amii-faux.csv : 3 erreurs");
        assertThat(error.path("erreurs")).hasSize(3);
        assertThat(error.path("erreurs").get(0).path("emplacement").asText()).isEqualTo("ligne 3");
        assertThat(error.path("erreurs").get(0).path("champ").asText()).isEqualTo("porteur");
        assertThat(error.path("erreurs").get(1).path("champ").asText()).isEqualTo("type");
        assertThat(error.path("erreurs").get(2).path("emplacement").asText()).isEqualTo("ligne 5");
        assertThat(error.path("erreurs").get(2).path("message").asText()).contains("places");
        assertThat(bad.body()).doesNotContain("Exception").doesNotContain("at fr.");
        assertThat(intentionsSnapshot()).as("nothing replaced").isEqualTo(before);

        // A commune of the default scenario's first zone gets a made-up confirmed 500-seat venue.
        JsonNode zone = wfs("zones_carence", "SORTBY=rang", null).get("features").get(0).get("properties");
        String commune = zone.get("codes_communes").asText().split(";")[0];
        // And a made-up 2-seat "ouvert" one in the commune of the inventoried venue nearest to a zone:
        // it may be that venue, which the run warns of (without naming it) and the zone's dossier marks.
        VenueNearZone near = venueNearestToAZone();
        String venueCommune = (String) near.venue().get("code_commune");
        HttpResponse<String> ok = upload(PLANNER, "amii-test.csv", "id;porteur;type;code_commune;places;statut\n"
                + "T-1;Porteur fictif (test);tiers-lieu;" + commune + ";500;confirmé\n"
                + "T-2;Porteur ouvert fictif (test);coworking;" + venueCommune + ";2;ouvert\n");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode state = JSON.readTree(send("GET", "/api/intentions", PLANNER, null, null).body());
        assertThat(state.path("charge").asBoolean()).isTrue();
        assertThat(state.path("fichier").asText()).isEqualTo("amii-test.csv");
        assertThat(state.path("intentions").asLong()).isEqualTo(2);

        // The intentions are for accounts: absent from the anonymous WFS.
        HttpResponse<String> anonymous = send("GET", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES="
                + AnalysisInputReader.INTENTIONS + "&OUTPUTFORMAT=application/json", null, null, null);
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
        assertThat(wfs(AnalysisInputReader.INTENTIONS, null, FUNDER).get("features")).hasSize(2);

        String scenario = "amii-http";
        HttpResponse<String> run = send("POST", "/api/scenarios", PLANNER, "application/json",
                ("{\"id\":\"" + scenario + "\",\"nom\":\"AMII test\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        long end = System.currentTimeMillis() + 300_000;
        String statut = "";
        while (System.currentTimeMillis() < end) {
            statut = JSON.readTree(send("GET", "/api/scenarios/" + scenario, null, null, null).body()).path("statut").asText();
            if (statut.equals("termine") || statut.equals("echec")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(statut).isEqualTo("termine");
        try {
            // The run's warnings are public: the possible duplicate is counted, never named.
            JsonNode warnings = JSON.readTree(send("GET", "/api/scenarios/" + scenario, null, null, null).body())
                    .path("avertissements");
            List<String> duplicates = new ArrayList<>();
            warnings.forEach(w -> {
                if (w.asText().contains("doublon")) {
                    duplicates.add(w.asText());
                }
            });
            assertThat(duplicates).hasSize(1);
            assertThat(duplicates.get(0)).startsWith("1 intention(s) AMII de statut « ouvert » dans une commune où")
                    .doesNotContain("T-2").doesNotContain("fictif").doesNotContain(venueCommune);
            String filter = "SCENARIO=" + scenario;
            JsonNode residual = wfs("zones_carence_residuelles", filter, PLANNER).get("features");
            JsonNode presumed = wfs("zones_carence", filter, null).get("features");
            assertThat(residual.size()).isPositive().isLessThanOrEqualTo(presumed.size());
            for (JsonNode r : residual) {
                assertThat(r.get("properties").path("statut_amii").asText())
                        .startsWith("AMII appliqué : 2 intention(s) retenue(s) sur 2 du fichier amii-test.csv");
                assertThat(r.get("properties").path("codes_communes").asText().split(";")).doesNotContain(commune);
            }
            // an anonymous caller sees the residual zones but not which intentions touch them
            JsonNode anonymousResidual = wfs("zones_carence_residuelles", filter, null).get("features");
            assertThat(anonymousResidual).hasSize(residual.size());
            assertThat(anonymousResidual.get(0).get("properties").has("intentions")).isFalse();
            assertThat(anonymousResidual.get(0).get("properties").has("statut_amii")).isTrue();
            // the default scenario, computed before the AMII, still says none was applied
            JsonNode defaut = wfs("zones_carence_residuelles", null, null).get("features");
            assertThat(defaut.get(0).get("properties").path("statut_amii").asText()).isEqualTo(ResultRows.AUCUN_AMII);

            // The zone's dossier: the planner's lists the intention, an anonymous one never names it.
            String zoneCode = zone.get("code_zone").asText();
            String path = "/api/scenarios/" + scenario + "/zones/" + zoneCode + "/dossier.";
            HttpResponse<byte[]> plannerPdf = bytes(path + "pdf", PLANNER);
            assertThat(plannerPdf.statusCode()).isEqualTo(200);
            String plannerText = PdfText.text(plannerPdf.body());
            assertThat(plannerText).contains("AMII appliqué").contains("Porteur fictif");
            // the "ouvert" intention is marked, in the dossier of the zone near it, with the venue of its
            // commune (text extraction breaks lines)
            HttpResponse<byte[]> nearPdf = bytes("/api/scenarios/" + scenario + "/zones/" + near.codeZone() + "/dossier.pdf", PLANNER);
            assertThat(nearPdf.statusCode()).isEqualTo(200);
            assertThat(PdfText.text(nearPdf.body()).replaceAll("\\s+", " ")).contains("Porteur ouvert fictif")
                    .contains("ouvert — doublon possible de ").contains((String) near.venue().get("nom"))
                    .contains("ses places sont alors comptées deux fois");
            HttpResponse<byte[]> nearGpkg = bytes("/api/scenarios/" + scenario + "/zones/" + near.codeZone() + "/dossier.gpkg", PLANNER);
            java.nio.file.Path gpkg = java.nio.file.Files.createTempFile("dossier-doublon", ".gpkg");
            try {
                java.nio.file.Files.write(gpkg, nearGpkg.body());
                Map<String, String> marked = new java.util.TreeMap<>();
                try (GeoPackage g = GeoPackageManager.open(gpkg.toFile())) {
                    var rows = g.getFeatureDao("intentions_proches").queryForAll();
                    while (rows.moveToNext()) {
                        marked.put((String) rows.getValue("id"), (String) rows.getValue("doublon_possible"));
                    }
                    rows.close();
                }
                assertThat(marked).containsKey("T-2");
                assertThat(marked.get("T-2")).contains((String) near.venue().get("nom"));
                assertThat(marked.get("T-1")).as("a confirmed intention is never marked").isNull();
            } finally {
                java.nio.file.Files.deleteIfExists(gpkg);
            }
            HttpResponse<byte[]> nearAnonymous = bytes("/api/scenarios/" + scenario + "/zones/" + near.codeZone() + "/dossier.pdf", null);
            assertThat(PdfText.text(nearAnonymous.body())).doesNotContain("doublon possible").doesNotContain("Porteur ouvert");
            HttpResponse<byte[]> anonymousPdf = bytes(path + "pdf", null);
            assertThat(anonymousPdf.statusCode()).isEqualTo(200);
            assertThat(PdfText.text(anonymousPdf.body())).contains("AMII appliqué").doesNotContain("Porteur fictif")
                    .doesNotContain("doublon possible")
                    .contains("réservée aux comptes");
            HttpResponse<byte[]> anonymousGpkg = bytes(path + "gpkg", null);
            assertThat(anonymousGpkg.statusCode()).isEqualTo(200);
            assertThat(new String(anonymousGpkg.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Porteur fictif")
                    .doesNotContain("intentions_proches");
            HttpResponse<byte[]> plannerGpkg = bytes(path + "gpkg", PLANNER);
            assertThat(new String(plannerGpkg.body(), StandardCharsets.UTF_8)).contains("Porteur fictif (test)")
                    .contains("intentions_proches");
        } finally {
            send("DELETE", "/api/scenarios/" + URLEncoder.encode(scenario, StandardCharsets.UTF_8), PLANNER, null, null);
        }
    }
}
