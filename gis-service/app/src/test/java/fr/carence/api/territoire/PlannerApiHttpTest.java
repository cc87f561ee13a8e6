package fr.carence.api.territoire;

import static fr.carence.testing.ServiceHttp.JSON;
import static fr.carence.testing.ServiceHttp.enc;
import static fr.carence.testing.ServiceHttp.equal;
import static fr.carence.testing.ServiceHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.security.TestAccounts;
import fr.carence.testing.PdfText;
import fr.carence.testing.RunningSampleService;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * The planner's APIs on the shared running service (Occitanie sample, scenario {@code defaut}):
 * territory search, the zones table filtered by territory (checked against the WFS layer of the
 * zones' communes), and the printed map (text and drawn map read back from the PDF, modelled
 * flows counted against the WFS). Errors are French JSON naming the parameter.
 */
class PlannerApiHttpTest extends RunningSampleService {

    private static final String FUNDER = TestAccounts.bearer(TestAccounts.FUNDER_TOKEN);

    @Test
    void territoriesAreFoundByNameWhateverTheAccentsTypedAndRanked() throws Exception {
        JsonNode occitanie = json(get("/api/territoires?q=Occitanie", null)).get(0);
        assertThat(occitanie.get("type").asText()).isEqualTo("region");
        assertThat(occitanie.get("code").asText()).isEqualTo("76");
        assertThat(occitanie.get("libelle").asText()).isEqualTo("région");
        // Its communes are the loaded ones with reg = 76 (the WFS count).
        assertThat(occitanie.get("nbCommunes").asLong()).isEqualTo(hits("communes", equal("reg", "76")));

        JsonNode aveyron = json(get("/api/territoires?q=aveyron", null)).get(0);
        assertThat(aveyron.get("type").asText()).isEqualTo("departement");
        assertThat(aveyron.get("code").asText()).isEqualTo("12");
        assertThat(aveyron.get("nbCommunes").asLong()).isEqualTo(hits("communes", equal("dep", "12")));
        assertThat(within(aveyron, occitanie)).isTrue();

        JsonNode agglo = json(get("/api/territoires?q=" + enc("rodez agglo"), null)).get(0);
        assertThat(agglo.get("type").asText()).isEqualTo("epci");
        assertThat(agglo.get("nom").asText()).contains("Rodez Agglomération");
        assertThat(json(get("/api/territoires?q=" + enc("Rodez Agglomération"), null)).get(0)).isEqualTo(agglo);
        assertThat(within(agglo, aveyron)).isTrue();

        JsonNode mende = json(get("/api/territoires?q=" + enc("MENDE"), null)).get(0);
        assertThat(mende.get("type").asText()).isEqualTo("commune");
        assertThat(mende.get("code").asText()).isEqualTo("48095");
        assertThat(json(get("/api/territoires/commune/48095", null))).isEqualTo(mende);
        assertThat(json(get("/api/territoires?q=saint+affrique&limite=3", null)).get(0).get("nom").asText()).isEqualTo("Saint-Affrique");
        // No commune of the région Bretagne in the sample: only the commune Bretagne-d'Armagnac (Gers).
        assertThat(json(get("/api/territoires?q=Bretagne", null))).extracting(t -> t.get("type").asText()).containsOnly("commune");
    }

    @Test
    void badTerritoryRequestsAreRefusedInFrenchNamingTheParameter() throws Exception {
        assertError(get("/api/territoires?q=a", null), 400, "q", "au moins deux lettres");
        assertError(get("/api/territoires?q=rodez&limite=0", null), 400, "limite", "entre 1 et 50");
        assertError(get("/api/territoires?q=rodez&limite=dix", null), 400, "limite", "nombre entier");
        assertError(get("/api/territoires/pays/FR", null), 400, "territoire", "region, departement, epci ou commune");
        assertError(get("/api/territoires/departement/99", null), 404, "territoire", "aucune commune chargée");
        assertError(get("/api/scenarios/defaut/zones?territoire=12", null), 400, "territoire", "type:code");
    }

    @Test
    void zonesAreFilteredByTerritoryAndTheirCommunesNamed() throws Exception {
        JsonNode all = json(get("/api/scenarios/defaut/zones", null));
        JsonNode aveyron = json(get("/api/scenarios/defaut/zones?territoire=departement:12", null));
        assertThat(aveyron.size()).isPositive().isLessThan(all.size());
        // Expected: the zones with at least one commune of dep 12 (codes 12xxx), from the WFS layer of the communes.
        Set<String> expected = new HashSet<>();
        String aveyronCodes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsLike wildCard=\"*\" singleChar=\"?\" escapeChar=\"!\">"
                + "<fes:ValueReference>code</fes:ValueReference><fes:Literal>12*</fes:Literal></fes:PropertyIsLike></fes:Filter>";
        for (JsonNode c : wfs("indicateurs_communes", aveyronCodes).get("features")) {
            JsonNode zone = c.get("properties").get("zone_id");
            if (zone != null && !zone.isNull()) {
                expected.add(zone.asText());
            }
        }
        Set<String> listed = new HashSet<>();
        aveyron.forEach(z -> listed.add(z.get("id").asText()));
        assertThat(listed).isEqualTo(expected);
        for (JsonNode z : all) {
            assertThat(z.get("communes").size()).as("communes of %s", z.get("nom")).isEqualTo(z.get("nbCommunes").asInt());
            z.get("communes").forEach(c -> assertThat(c.get("nom").asText()).isNotBlank().doesNotMatch("\\d{5}"));
            assertThat(z.get("demande").asDouble()).isPositive();
            assertThat(z.get("nbFluxModelises").asInt()).isBetween(0, z.get("nbCommunes").asInt());
        }
    }

    @Test
    void thePrintedMapHasTitleCommentScaleLegendSourcesAndModelledFlows() throws Exception {
        JsonNode aveyron = json(get("/api/territoires/departement/12", null));
        String bbox = String.join(",", text(aveyron.get("etendue").get(0)), text(aveyron.get("etendue").get(1)),
                text(aveyron.get("etendue").get(2)), text(aveyron.get("etendue").get(3)));
        String query = "/api/carte/carte.pdf?scenario=defaut&bbox=" + bbox + "&couches=communes,zones_carence,flux_od"
                + "&titre=" + enc("Carence en Aveyron — comité du 12 mars") + "&commentaire=" + enc("Zones à examiner en priorité.")
                + "&territoire=" + enc("Aveyron (département)");
        HttpResponse<byte[]> r = get(query, null);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        Files.write(Files.createDirectories(Path.of("target", "cartes")).resolve("carte-aveyron.pdf"), r.body());
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = PdfText.text(r.body());
            assertThat(text).contains("Carence en Aveyron — comité du 12 mars", "Commentaire : Zones à examiner en priorité.",
                    "Aveyron (département)", "Légende", "Sources et millésimes", "Échelle : barre de", "nord en haut", "Lambert-93");
            // The modelled flows, counted as the WFS counts them.
            long all = hits("flux_od", null);
            long modelled = hits("flux_od", equal("modelise", "true"));
            assertThat(text).contains("Flux domicile-travail : " + fr(modelled) + " des " + fr(all) + " flux tracés sont modélisés");
            // The vintages the scenario read, each layer named by its provenance entry and followed by its
            // vintage, as the dossier words it ("Couverture en fibre optique (ARCEP) ARCEP 2018T1"; spaces ignored:
            // a line may break after "/", which the text extraction reads as a space).
            for (JsonNode v : json(get("/api/scenarios/defaut", null)).get("provenance")) {
                if (v.hasNonNull("millesime")) {
                    assertThat(text.replace(" ", "")).contains((v.get("libelle").asText() + " " + v.get("millesime").asText())
                            .replace(" ", ""));
                }
            }
            assertThat(doc.getNumberOfPages()).as("one A4 landscape page").isEqualTo(1);
            // A map is drawn: the largest picture of page 1 is far from blank.
            BufferedImage map = largestImage(doc.getPage(0).getResources());
            assertThat(nonWhiteShare(map)).as("share of drawn pixels").isGreaterThan(0.05);
        }
    }

    @Test
    void thePrintedMapFollowsTheLayerRulesAndRefusesBadParameters() throws Exception {
        String ok = "/api/carte/carte.pdf?scenario=defaut&bbox=600000,6300000,700000,6400000&couches=";
        assertError(get(ok + "communes,sites_candidats", null), 400, "couches", "couche inconnue « sites_candidats »");
        assertThat(get(ok + "communes,sites_candidats", FUNDER).statusCode()).isEqualTo(200);
        assertError(get(ok, null), 400, "couches", "couches");
        assertError(get("/api/carte/carte.pdf?scenario=defaut&bbox=1,2,3&couches=communes", null), 400, "bbox", "4 nombres");
        assertError(get("/api/carte/carte.pdf?scenario=defaut&bbox=700000,6300000,600000,6400000&couches=communes", null), 400, "bbox", "minx");
        assertError(get("/api/carte/carte.pdf?scenario=defaut&bbox=3e7,3e7,4e7,4e7&couches=communes", null), 400, "bbox", "hors de la France");
        assertError(get(ok + "communes&titre=" + "x".repeat(121), null), 400, "titre", "au plus 120");
        HttpResponse<byte[]> unknown = get("/api/carte/carte.pdf?scenario=inconnu&bbox=600000,6300000,700000,6400000&couches=communes", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("inconnu");
    }

    // ----- helpers -----

    private static boolean within(JsonNode inner, JsonNode outer) {
        JsonNode a = inner.get("etendue");
        JsonNode b = outer.get("etendue");
        return a.get(0).asDouble() >= b.get(0).asDouble() && a.get(1).asDouble() >= b.get(1).asDouble()
                && a.get(2).asDouble() <= b.get(2).asDouble() && a.get(3).asDouble() <= b.get(3).asDouble();
    }

    private static String text(JsonNode n) {
        return Long.toString(Math.round(n.asDouble()));
    }

    /** An integer as French text writes it (narrow no-break space between thousands, made plain). */
    private static String fr(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    private long hits(String layer, String filter) {
        return http().hits(layer, filter);
    }

    private JsonNode wfs(String layer, String filter) throws IOException {
        return http().wfs(layer, filter, null);
    }

    private static BufferedImage largestImage(PDResources resources) throws IOException {
        BufferedImage best = null;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject img) {
                BufferedImage i = img.getImage();
                if (best == null || i.getWidth() * i.getHeight() > best.getWidth() * best.getHeight()) {
                    best = i;
                }
            }
        }
        assertThat(best).as("an image on the page").isNotNull();
        return best;
    }

    private static double nonWhiteShare(BufferedImage img) {
        long drawn = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    drawn++;
                }
            }
        }
        return drawn / (double) ((img.getHeight() / 2 + 1) * (img.getWidth() / 2 + 1));
    }

    private static void assertError(HttpResponse<byte[]> r, int status, String parametre, String message) throws IOException {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(body).isEqualTo(status);
        JsonNode e = JSON.readTree(body);
        assertThat(e.get("parametre").asText()).isEqualTo(parametre);
        assertThat(e.get("message").asText()).contains(message);
    }

    private HttpResponse<byte[]> get(String path, String authorization) {
        return http().get(path, authorization);
    }
}
