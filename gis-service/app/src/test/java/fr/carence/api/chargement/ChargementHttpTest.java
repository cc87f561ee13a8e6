package fr.carence.api.chargement;

import static fr.carence.api.chargement.ChargementFixtures.sample;
import static fr.carence.api.chargement.ChargementFixtures.sampleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.app.CarenceApplication;
import fr.carence.security.TestAccounts;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The load API over real HTTP (Tomcat, Spring Security, multipart limits) on an empty embedded
 * store: the COG reference and the venues are loaded from the committed Occitanie sample files
 * through the asynchronous API (202, then the job at its Location), and every refusal (roles,
 * size, type, zip-slip, zip bomb on receipt; malformed data in the job; too many waiting) is
 * checked to answer French JSON and to leave the store and the staging directory as they were.
 */
@SpringBootTest(classes = CarenceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChargementHttpTest {

    private static final String LIEUX = "tiers-lieux-occitanie-2016.csv.gz";
    private static final String LIEUX_LAYER = "lieux_existants";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path stagingDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("carence.store.kind", () -> "h2gis");
        registry.add("carence.store.data-dir", () -> dataDir.toString());
        registry.add("carence.catalog.dir", () -> "../../geoserver-data");
        registry.add("carence.styles.dir", () -> "../../sld-styles");
        // the data comes in through the API under test, not the first-start sample
        registry.add("carence.startup.load-sample", () -> "false");
        registry.add("carence.startup.default-scenario", () -> "false");
        registry.add("carence.chargements.max-megabytes", () -> "3"); // the zipped Shapefile fixture is 2.2 MB
        registry.add("carence.chargements.temp-dir", () -> stagingDir.toString());
        registry.add("carence.chargements.max-pending", () -> "2"); // one running and one waiting, then 409
        TestAccounts.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    FeatureStore store;

    private final ObjectMapper json = new ObjectMapper();
    private static boolean referenceLoaded;
    private static String lastJob;

    @AfterEach
    void stagingIsAlwaysEmptied() {
        assertThat(stagingDir).isEmptyDirectory();
    }

    @Test
    void theCogReferenceLoadsFromAZipOfItsFourFiles() throws Exception {
        JsonNode report = loadReference();
        assertThat(report.path("jeu").asText()).isEqualTo("admin");
        assertThat(report.path("lignesLues").asLong()).isPositive();
        JsonNode written = report.path("entitesEcrites");
        for (String layer : List.of("communes_insee", "epci", "departements_insee", "regions_insee")) {
            assertThat(written.path(layer).asLong()).as(layer).isPositive().isEqualTo(store.count(layer, FeatureQuery.all()));
        }
        assertThat(written.path("departements_insee").asLong()).isGreaterThanOrEqualTo(101); // every département, overseas too
        assertThat(report.path("resume").asText()).contains("Jeu « admin »");
    }

    @Test
    void venuesLoadWithAnApiTokenAndShowInTheLayerList() throws Exception {
        ensureReference();
        JsonNode job = load("lieux", bearer(TestAccounts.ADMIN_TOKEN), Map.of(LIEUX, sample(LIEUX)));
        assertThat(job.path("statut").asText()).as(job.toString()).isEqualTo("termine");
        assertThat(job.path("auteur").asText()).isEqualTo(TestAccounts.ADMIN.login());
        assertThat(job.path("fichiers").get(0).asText()).isEqualTo(LIEUX);
        assertThat(job.path("progression").asDouble()).isEqualTo(1.0);
        assertThat(job.path("debutLe").asText()).isNotBlank();
        assertThat(job.path("finLe").asText()).isNotBlank();
        JsonNode report = job.path("rapport");
        assertThat(report.path("entitesEcrites").path(LIEUX_LAYER).asLong()).isEqualTo(73);
        assertThat(store.count(LIEUX_LAYER, FeatureQuery.all())).isEqualTo(73);

        ResponseEntity<String> layers = http.exchange("/api/couches", HttpMethod.GET, new HttpEntity<>(basic(TestAccounts.ADMIN)), String.class);
        assertThat(layers.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode lieux = find(json.readTree(layers.getBody()), "nom", LIEUX_LAYER);
        assertThat(lieux.path("entites").asLong()).isEqualTo(73);
        assertThat(lieux.path("geometrie").asText()).isEqualTo("POINT");
        assertThat(lieux.path("jeu").asText()).isEqualTo("lieux");
        assertThat(lieux.path("fichiers").asText()).isEqualTo(LIEUX);
        assertThat(lieux.path("miseAJour").asText()).isNotBlank();
        assertThat(lieux.path("chargePar").asText()).as("the token's account").isEqualTo(TestAccounts.ADMIN.login());
        assertThat(lieux.path("publications").findValuesAsText("couche")).contains("carence:lieux_existants");
    }

    @Test
    void communePolygonsLoadFromAZippedShapefile(@TempDir Path work) throws Exception {
        ensureReference();
        byte[] archive = ChargementFixtures.communesShapefileZip(work, "ADMIN-EXPRESS/1_DONNEES_LIVRAISON");
        JsonNode job = load("communes", basic(TestAccounts.ADMIN), Map.of("admin-express-occitanie.zip", archive),
                "millesime=ADMIN EXPRESS fixture");
        assertThat(job.path("statut").asText()).as(job.toString()).isEqualTo("termine");
        JsonNode report = job.path("rapport");
        assertThat(report.path("lignesLues").asLong()).isEqualTo(4485); // polygons in the file
        assertThat(report.path("entitesEcrites").path("communes").asLong()).isEqualTo(4446) // merged to the current COG
                .isEqualTo(store.count("communes", FeatureQuery.all()));
        LayerInfo info = store.info("communes").orElseThrow();
        assertThat(info.source().files()).isEqualTo("COMMUNE.shp");
        assertThat(info.source().vintage()).isEqualTo("ADMIN EXPRESS fixture");
        assertThat(info.source().loadedBy()).isEqualTo(TestAccounts.ADMIN.login());
    }

    @Test
    void aMalformedFileIs422NamingFileLineAndFieldAndTheStoreIsUnchanged() throws Exception {
        ensureVenues();
        List<String> before = snapshot(LIEUX_LAYER);
        Optional<LayerInfo> infoBefore = store.info(LIEUX_LAYER);

        List<String> lines = new ArrayList<>(Arrays.asList(new String(sampleText(LIEUX), StandardCharsets.UTF_8).split("\n", -1)));
        String[] header = lines.get(0).split(",", -1);
        int lon = Arrays.asList(header).indexOf("lon_approx");
        // line 40 of the file (index 39): its longitude made unreadable; the 38 lines before it are valid
        String[] cells = lines.get(39).split(",", -1);
        cells[lon] = "1.87O"; // a letter O typed for a zero
        lines.set(39, String.join(",", cells));
        byte[] broken = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        JsonNode job = load("lieux", basic(TestAccounts.ADMIN), Map.of("fixture-lieux-ligne-40.csv", broken));
        assertThat(job.path("statut").asText()).as(job.toString()).isEqualTo("echec");
        assertThat(job.has("rapport")).isFalse();
        JsonNode error = job.path("erreur");
        assertThat(error.path("statut").asInt()).as("what a synchronous load answered").isEqualTo(422);
        assertThat(error.path("erreur").asText()).isEqualTo("chargement_refuse");
        assertThat(error.path("fichier").asText()).isEqualTo("fixture-lieux-ligne-40.csv");
        assertThat(error.path("emplacement").asText()).isEqualTo("ligne 40");
        assertThat(error.path("champ").asText()).isEqualTo("lon_approx");
        assertThat(error.path("message").asText()).startsWith("fixture-lieux-ligne-40.csv, ligne 40, champ « lon_approx » : ");
        assertThat(job.toString()).doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(snapshot(LIEUX_LAYER)).isEqualTo(before);
        assertThat(store.info(LIEUX_LAYER)).isEqualTo(infoBefore);
    }

    @Test
    void hostileOrMistakenUploadsAreRefusedBeforeTheLoaderAndTheStoreIsUnchanged() throws Exception {
        ensureVenues();
        List<String> before = snapshot(LIEUX_LAYER);
        HttpHeaders admin = basic(TestAccounts.ADMIN);

        ResponseEntity<String> slip = upload("lieux", admin, Map.of("fixture-zip-slip.zip",
                ChargementFixtures.zip(Map.of("../../fixture-evasion.csv", sampleText(LIEUX)))));
        assertError(slip, HttpStatus.BAD_REQUEST, "archive_refusee", "fixture-zip-slip.zip/../../fixture-evasion.csv : chemin remontant");

        ResponseEntity<String> bomb = upload("lieux", admin, Map.of("fixture-bombe.zip", ChargementFixtures.zipBomb(48)));
        assertError(bomb, HttpStatus.PAYLOAD_TOO_LARGE, "trop_volumineux", "taux de compression anormal");

        ResponseEntity<String> png = upload("lieux", admin, Map.of("lieux.csv", ChargementFixtures.fixturePng()));
        assertError(png, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_refuse", "lieux.csv : contenu PNG (image)");

        ResponseEntity<String> shp = upload("lieux", admin, Map.of("fixture-lieux.shp", new byte[200]));
        assertError(shp, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_refuse", "non accepté par le jeu « lieux »");

        ResponseEntity<String> unknown = upload("pas-un-jeu", admin, Map.of(LIEUX, sample(LIEUX)));
        assertError(unknown, HttpStatus.NOT_FOUND, "jeu_inconnu", "jeu de données inconnu « pas-un-jeu »");
        assertThat(json.readTree(unknown.getBody()).path("message").asText()).contains("lieux").contains("admin");

        ResponseEntity<String> none = upload("lieux", admin, Map.of());
        assertError(none, HttpStatus.BAD_REQUEST, "fichier_manquant", "fichiers");
        HttpHeaders jsonBody = basic(TestAccounts.ADMIN);
        jsonBody.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> notMultipart = http.exchange("/api/chargements/lieux", HttpMethod.POST,
                new HttpEntity<>("{\"fichiers\": \"lieux.csv\"}", jsonBody), String.class);
        assertError(notMultipart, HttpStatus.BAD_REQUEST, "fichier_manquant", "multipart");

        Map<String, byte[]> manyParts = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) { // Tomcat's part count limit (server.tomcat.max-part-count, 50)
            manyParts.put("fixture-" + i + ".csv", "nom,lon,lat\n".getBytes(StandardCharsets.UTF_8));
        }
        assertError(upload("lieux", admin, manyParts), HttpStatus.BAD_REQUEST, "trop_de_fichiers", "plus de 50 parties");

        ResponseEntity<String> option = upload("lieux", admin, Map.of(LIEUX, sample(LIEUX)), "trans=/etc/passwd");
        assertError(option, HttpStatus.BAD_REQUEST, "option_invalide", "trans=/etc/passwd");
        for (String serverFile : List.of("vintage=application.properties", "trans=..", "col.nom=~root")) {
            assertError(upload("lieux", admin, Map.of(LIEUX, sample(LIEUX)), serverFile), HttpStatus.BAD_REQUEST,
                    "option_invalide", serverFile);
        }

        assertThat(snapshot(LIEUX_LAYER)).isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitIs413NamingTheLimit() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024]; // 4 MiB of text against a 3 MiB limit
        Arrays.fill(big, (byte) 'a');
        for (int i = 79; i < big.length; i += 80) {
            big[i] = '\n';
        }
        ResponseEntity<String> r = upload("lieux", basic(TestAccounts.ADMIN), Map.of("fixture-trop-gros.csv", big));
        assertError(r, HttpStatus.PAYLOAD_TOO_LARGE, "trop_volumineux", "dépasse la limite de 3 Mo (carence.chargements.max-megabytes)");
    }

    @Test
    void aSecondUploadWaitsItsTurnAndOneMoreThanMaxPendingIs409() throws Exception {
        FixtureBlockingLoader.reset();
        HttpHeaders admin = basic(TestAccounts.ADMIN);
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        String first = accepted(upload(FixtureBlockingLoader.KEY, admin, Map.of("fixture-attente.csv", csv)));
        String second;
        try {
            assertThat(FixtureBlockingLoader.started.await(60, TimeUnit.SECONDS)).as("first load started").isTrue();
            JsonNode running = job(first);
            assertThat(running.path("statut").asText()).isEqualTo("en_cours");
            assertThat(running.path("debutLe").asText()).isNotBlank();

            second = accepted(upload(FixtureBlockingLoader.KEY, admin, Map.of("fixture-attente-2.csv", csv)));
            assertThat(job(second).path("statut").asText()).as("queued behind the running load").isEqualTo("en_attente");
            assertThat(job(second).has("debutLe")).isFalse();
            try (var staged = java.nio.file.Files.list(stagingDir)) {
                assertThat(staged.count()).as("both uploads staged, each in its own directory").isEqualTo(2);
            }

            // max-pending = 2: a third upload is refused on receipt, nothing staged for it
            ResponseEntity<String> third = upload("lieux", admin, Map.of(LIEUX, sample(LIEUX)));
            assertError(third, HttpStatus.CONFLICT, "chargements_en_attente", "carence.chargements.max-pending");
            assertThat(third.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            try (var staged = java.nio.file.Files.list(stagingDir)) {
                assertThat(staged.count()).isEqualTo(2);
            }
        } finally {
            FixtureBlockingLoader.release.countDown();
        }
        JsonNode one = await(first);
        JsonNode two = await(second);
        assertThat(one.path("statut").asText()).isEqualTo("termine");
        assertThat(two.path("statut").asText()).isEqualTo("termine");
        // one load at a time: the second started only once the first had ended
        assertThat(java.time.Instant.parse(two.path("debutLe").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(one.path("finLe").asText()));
    }

    @Test
    void anUnknownJobIs404InFrench() throws Exception {
        ResponseEntity<String> r = http.exchange("/api/chargements/travaux/fixture-pas-un-travail", HttpMethod.GET,
                new HttpEntity<>(basic(TestAccounts.ADMIN)), String.class);
        assertError(r, HttpStatus.NOT_FOUND, "travail_inconnu", "« fixture-pas-un-travail »");
    }

    @Test
    void onlyAdministratorsMayListOrLoad() throws Exception {
        ensureReference();
        String jobId = lastJob;
        Map<String, byte[]> files = Map.of(LIEUX, sample(LIEUX));
        List<String> before = store.schema(LIEUX_LAYER).isPresent() ? snapshot(LIEUX_LAYER) : List.of();

        assertThat(upload("lieux", new HttpHeaders(), files).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(upload("lieux", basic(TestAccounts.PLANNER), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("lieux", basic(TestAccounts.FUNDER), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("lieux", bearer(TestAccounts.PLANNER_TOKEN), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("lieux", bearer(TestAccounts.FUNDER_TOKEN), files).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(store.schema(LIEUX_LAYER).isPresent() ? snapshot(LIEUX_LAYER) : List.of()).isEqualTo(before);

        for (String path : List.of("/api/chargements/jeux", "/api/couches", "/api/chargements/travaux/" + jobId)) {
            ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
            assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getContentType()).as(path).isNotNull();
            assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as(path).isTrue();
            assertThat(anonymous.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).as(path).isFalse();
            for (HttpHeaders notAdmin : List.of(basic(TestAccounts.PLANNER), basic(TestAccounts.FUNDER), bearer(TestAccounts.FUNDER_TOKEN))) {
                assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(notAdmin), String.class).getStatusCode())
                        .as(path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (HttpHeaders admin : List.of(basic(TestAccounts.ADMIN), bearer(TestAccounts.ADMIN_TOKEN))) {
                assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(admin), String.class).getStatusCode())
                        .as(path).isEqualTo(HttpStatus.OK);
            }
        }
    }

    @Test
    void datasetsListTheirDescriptionLayersPrerequisitesAndFileKinds() throws Exception {
        ResponseEntity<String> r = http.exchange("/api/chargements/jeux", HttpMethod.GET, new HttpEntity<>(basic(TestAccounts.ADMIN)), String.class);
        JsonNode datasets = json.readTree(r.getBody());
        assertThat(datasets.findValuesAsText("cle")).contains("admin", "communes", "limites", "flux", "thd", "lieux",
                "fragilite-densite", "fragilite-massifs");
        JsonNode lieux = find(datasets, "cle", "lieux");
        assertThat(lieux.path("description").asText()).contains("Lieux existants");
        assertThat(lieux.path("couches").toString()).contains(LIEUX_LAYER);
        assertThat(lieux.path("prerequis").toString()).contains("admin");
        assertThat(lieux.path("fichiersAcceptes").findValuesAsText("type")).containsExactly("CSV", "JSON");
        assertThat(find(datasets, "cle", "communes").path("fichiersAcceptes").findValuesAsText("type")).containsExactly("JSON", "SHAPEFILE");
    }

    @Test
    void theOpenApiDescribesTheMultipartUploadInFrench() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/api/openapi", String.class));
        JsonNode post = api.path("paths").path("/api/chargements/{jeu}").path("post");
        assertThat(post.path("summary").asText()).isEqualTo("Charger un jeu de données");
        JsonNode multipart = post.path("requestBody").path("content").path("multipart/form-data");
        assertThat(multipart.path("schema").path("properties").path("fichiers").path("items").path("format").asText())
                .as(post.toString()).isEqualTo("binary");
        assertThat(post.path("responses").path("202").path("description").asText()).contains("Location");
        JsonNode job = api.path("paths").path("/api/chargements/travaux/{id}").path("get");
        assertThat(job.path("summary").asText()).isEqualTo("Suivre un chargement");
        assertThat(job.path("description").asText()).contains("fichier, la ligne et le champ");
        assertThat(api.path("paths").path("/api/couches").path("get").path("summary").asText()).isEqualTo("Lister les couches du magasin");
    }

    // --- helpers ---

    private synchronized void ensureReference() throws Exception {
        if (!referenceLoaded) {
            loadReference();
        }
    }

    private void ensureVenues() throws Exception {
        ensureReference();
        if (store.schema(LIEUX_LAYER).isEmpty()) {
            JsonNode job = load("lieux", basic(TestAccounts.ADMIN), Map.of(LIEUX, sample(LIEUX)));
            assertThat(job.path("statut").asText()).as(job.toString()).isEqualTo("termine");
        }
    }

    private JsonNode loadReference() throws Exception {
        Map<String, byte[]> cog = new LinkedHashMap<>();
        for (String f : List.of("communes.json", "epci.json", "departements.json", "regions.json")) {
            cog.put("cog/" + f, sampleText(f + ".gz"));
        }
        JsonNode job = load("admin", basic(TestAccounts.ADMIN), Map.of("cog-occitanie.zip", ChargementFixtures.zip(cog)));
        assertThat(job.path("statut").asText()).as(job.toString()).isEqualTo("termine");
        referenceLoaded = true;
        return job.path("rapport");
    }

    /** Uploads, checks the 202 and its Location, and waits for the job's end. */
    private JsonNode load(String dataset, HttpHeaders auth, Map<String, byte[]> files, String... options) throws Exception {
        return await(accepted(upload(dataset, auth, files, options)));
    }

    /** The job id of a 202 answer, whose body is the job waiting and whose Location is where to follow it. */
    private String accepted(ResponseEntity<String> r) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = json.readTree(r.getBody());
        String id = job.path("id").asText();
        assertThat(r.getHeaders().getLocation()).hasToString("/api/chargements/travaux/" + id);
        assertThat(job.path("statut").asText()).isEqualTo("en_attente");
        lastJob = id;
        return id;
    }

    private JsonNode job(String id) throws Exception {
        ResponseEntity<String> r = http.exchange("/api/chargements/travaux/" + id, HttpMethod.GET,
                new HttpEntity<>(basic(TestAccounts.ADMIN)), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private JsonNode await(String id) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode job = job(id);
            String status = job.path("statut").asText();
            if (status.equals("termine") || status.equals("echec")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job " + id + " still " + status).isLessThan(end);
            Thread.sleep(100);
        }
    }

    private ResponseEntity<String> upload(String dataset, HttpHeaders auth, Map<String, byte[]> files, String... options) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((name, bytes) -> body.add("fichiers", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        for (String o : options) {
            body.add("option", o);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(auth);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/chargements/" + dataset, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private void assertError(ResponseEntity<String> r, HttpStatus status, String code, String messagePart) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode error = json.readTree(r.getBody());
        assertThat(error.path("statut").asInt()).isEqualTo(status.value());
        assertThat(error.path("erreur").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).contains(messagePart);
    }

    /** Every feature of a layer (id, geometry, properties), sorted, to compare before and after. */
    private List<String> snapshot(String layer) {
        List<String> features = new ArrayList<>();
        try (FeatureCursor c = store.query(layer, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                features.add(f.id() + " " + f.geometry() + " " + new java.util.TreeMap<>(f.properties()));
            }
        }
        features.sort(null);
        assertThat(features).isNotEmpty();
        return features;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static HttpHeaders basic(TestAccounts.Account account) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(account.login(), account.password());
        return h;
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        return h;
    }
}
