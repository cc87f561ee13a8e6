package fr.carence.api.dossier;

import static fr.carence.testing.ServiceHttp.JSON;
import static fr.carence.testing.ServiceHttp.equal;
import static fr.carence.testing.ServiceHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.analysis.MethodVersion;
import fr.carence.security.TestAccounts;
import fr.carence.store.FeatureStore;
import fr.carence.testing.PdfText;
import fr.carence.testing.RunningSampleService;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dossier endpoints on the shared running service (Occitanie sample, scenario {@code defaut}):
 * every figure of the PDF is re-derived from the WFS layers (GeoJSON read over HTTP, formatted
 * here independently: comma decimals, half-up rounding), the provenance from the store's layer
 * registry, and an anonymous dossier (PDF and GeoPackage) carries no candidate-site data.
 */
class ZoneDossierHttpTest extends RunningSampleService {

    private static final String FUNDER = TestAccounts.bearer(TestAccounts.FUNDER_TOKEN);

    @Autowired
    FeatureStore store;

    @Test
    void zonesAreListedByRankWithAPlaceName() throws Exception {
        JsonNode zones = json(get("/api/scenarios/defaut/zones", null));
        JsonNode wfs = wfs("zones_carence", null, null);
        assertEquals(wfs.get("features").size(), zones.size(), "one entry per zone of the WFS layer");
        for (int i = 0; i < zones.size(); i++) {
            JsonNode z = zones.get(i);
            assertEquals(i + 1, z.get("rang").asInt(), "ranked");
            assertTrue(z.get("id").asText().startsWith("defaut:"), z.toString());
            assertFalse(z.get("nom").asText().isBlank(), z.toString());
            assertFalse(z.get("nom").asText().matches(".*\\d{5}.*"), "named by place, not by code: " + z);
            assertFalse(z.get("unite").asText().isBlank(), "zoning unit: " + z);
        }
    }

    @Test
    void everyFigureOfTheFundersPdfEqualsTheWfs() throws Exception {
        JsonNode zone = firstZoneWithSeveralCommunes();
        String zoneId = zone.get("properties").get("id").asText();
        HttpResponse<byte[]> r = get("/api/scenarios/defaut/zones/" + zoneId.substring("defaut:".length()) + "/dossier.pdf", FUNDER);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("dossier-carence_defaut_"));
        // Kept for a human look: target/dossiers/.
        Files.write(Files.createDirectories(Path.of("target", "dossiers")).resolve("dossier-financeur.pdf"), r.body());
        PdfText pdf = PdfText.byPosition(r.body());
        assertTrue(pdf.pages() >= 2, "multi-page: " + pdf.pages());
        String text = pdf.text();

        // The zone's own figures.
        JsonNode zp = zone.get("properties");
        // Label cells may wrap; the values come in the table's order, each followed by its unit.
        assertInOrder(text.substring(text.indexOf("Indicateurs de la zone")), List.of(
                zp.get("nb_communes").asInt() + " communes",
                fr(zp.get("population").asDouble(), 0) + " hab.",
                fr(zp.get("demande").asDouble(), 1) + " télétravailleurs",
                fr(zp.get("score").asDouble(), 1) + " points",
                fr(zp.get("demande_couverte").asDouble(), 1) + " télétravailleurs"), "zone");
        assertContains(text, "Communes rurales " + zp.get("nb_rural").asInt());
        assertContains(text, zp.get("nb_flux_modelises").asInt() + " des " + zp.get("nb_communes").asInt()
                + " communes de la zone");
        // computed before any AMII was loaded: the status says none was applied, the residual zone is the zone
        assertContains(text, "Aucun appel à manifestation d'intention d'investissement (AMII) n'a été appliqué");
        assertContains(text, "Intentions d'investissement (AMII)");

        // Every commune, in the order of its columns.
        // As a funder: site_desservant (which site serves each commune) is a FUNDER/ADMIN column.
        JsonNode communes = wfs("indicateurs_communes", equal("zone_id", zoneId), FUNDER).get("features");
        assertEquals(zp.get("nb_communes").asInt(), communes.size());
        for (JsonNode c : communes) {
            JsonNode p = c.get("properties");
            int at = text.indexOf(p.get("code").asText() + " ");
            assertTrue(at >= 0, "commune " + p.get("code").asText() + " in the PDF");
            assertTrue(text.replace(" ", "").contains(p.get("nom").asText().replace(" ", "")), p.get("nom") + " named");
            List<String> expected = List.of(fr(p.get("population").asDouble(), 0), fr(p.get("demande").asDouble(), 1),
                    fr(p.get("accessibilite").asDouble(), 2),
                    p.get("temps_lieu_proche_min").isNull() ? "–" : fr(p.get("temps_lieu_proche_min").asDouble(), 0),
                    p.get("taux_thd").isNull() ? "–" : fr(p.get("taux_thd").asDouble() * 100, 0),
                    fr(p.get("score_carence").asDouble(), 1));
            assertInOrder(text.substring(at, Math.min(text.length(), at + 400)), expected, p.get("code").asText());
        }

        // The sites serving the zone, in t CO2e.
        JsonNode sites = wfs("sites_candidats", null, FUNDER).get("features");
        int shown = 0;
        for (JsonNode s : sites) {
            JsonNode p = s.get("properties");
            boolean serves = false;
            for (JsonNode c : communes) {
                serves |= p.get("id").asText().equals(c.get("properties").path("site_desservant").asText());
            }
            if (serves) {
                shown++;
                int at = text.indexOf(p.get("nom_commune").asText(), text.indexOf("Sites candidats qui desservent la zone"));
                assertTrue(at >= 0, "site " + p.get("id") + " listed");
                assertInOrder(text.substring(at, Math.min(text.length(), at + 300)), List.of(
                        fr(p.get("demande_couverte").asDouble(), 1), String.valueOf(p.get("communes_couvertes").asInt()),
                        fr(p.get("km_evites_an").asDouble(), 0), fr(p.get("kg_co2e_an").asDouble() / 1000, 1)), p.get("id").asText());
            }
        }
        assertTrue(shown > 0 || text.contains("Aucun site candidat retenu ne dessert cette zone"));
        assertContains(text, "t CO₂e par an");

        // Provenance: the vintages recorded when the sample was loaded, and the method version.
        for (String layer : List.of("communes", "lieux_existants")) {
            String vintage = store.info(layer).orElseThrow().source().vintage();
            if (vintage != null) {
                assertContains(text, vintage);
            }
        }
        // The version the scenario recorded when it ran (method rework: project version and commit).
        assertContains(text, "Version de la méthode : " + MethodVersion.current());
    }

    @Test
    void anAnonymousDossierCarriesNoCandidateSiteData() throws Exception {
        JsonNode zone = firstZoneWithSeveralCommunes();
        String zone2 = zone.get("properties").get("id").asText().substring("defaut:".length());
        PdfText anonymous = PdfText.byPosition(get("/api/scenarios/defaut/zones/" + zone2 + "/dossier.pdf", null).body());
        PdfText funder = PdfText.byPosition(get("/api/scenarios/defaut/zones/" + zone2 + "/dossier.pdf", FUNDER).body());
        assertTrue(funder.text().contains("Sites candidats qui desservent la zone"), "the funder sees the sites");
        // The column « Site qui la dessert » (its header wraps over three lines).
        assertTrue(funder.text().contains("dessert"), "and which site serves each commune");
        // (The scenario's parameters may name "sites candidats" in lower case: they are public.)
        assertFalse(anonymous.text().contains("Sites candidats"), "no site section, no sites in the legend");
        assertFalse(anonymous.text().contains("dessert"), "no serving-site column");
        assertFalse(anonymous.text().contains(":site-"), "no site id");
        // zones_carence.demande_couverte is a FUNDER/ADMIN column (columns.properties): not even its row anonymously.
        // (The label cell wraps: its first words only.)
        assertTrue(funder.text().contains("Demande couverte"), "the funder sees the covered demand");
        assertFalse(anonymous.text().contains("Demande couverte"), "no covered demand anonymously");
        for (JsonNode s : wfs("sites_candidats", null, FUNDER).get("features")) {
            assertFalse(anonymous.text().contains(fr(s.get("properties").get("km_evites_an").asDouble(), 0) + " "
                    + fr(s.get("properties").get("kg_co2e_an").asDouble() / 1000, 1)), "no site figures");
        }

        Path dir = Files.createTempDirectory("dossier-gpkg");
        Map<String, List<String>> anonymousTables = gpkgColumns(get("/api/scenarios/defaut/zones/" + zone2 + "/dossier.gpkg", null).body(), dir.resolve("a.gpkg"));
        Map<String, List<String>> funderTables = gpkgColumns(get("/api/scenarios/defaut/zones/" + zone2 + "/dossier.gpkg", FUNDER).body(), dir.resolve("f.gpkg"));
        assertFalse(anonymousTables.containsKey("sites_candidats"), anonymousTables.keySet().toString());
        assertTrue(anonymousTables.get("communes").stream().noneMatch(c -> c.startsWith("site_")), anonymousTables.get("communes").toString());
        assertTrue(funderTables.containsKey("sites_candidats"));
        assertTrue(funderTables.get("communes").contains("site_desservant"));
        assertFalse(anonymousTables.get("zone").contains("demande_couverte"), anonymousTables.get("zone").toString());
        assertTrue(funderTables.get("zone").contains("demande_couverte"), funderTables.get("zone").toString());
        for (String t : List.of("zone", "communes", "lieux_proches", "dossier")) {
            assertTrue(anonymousTables.containsKey(t), t + " in " + anonymousTables.keySet());
        }
    }

    @Test
    void theGeoPackageHoldsTheSameValuesAsTheWfs() throws Exception {
        JsonNode zone = firstZoneWithSeveralCommunes();
        String zoneId = zone.get("properties").get("id").asText();
        byte[] body = get("/api/scenarios/defaut/zones/" + zoneId + "/dossier.gpkg", null).body();
        Path file = Files.createTempDirectory("dossier-gpkg").resolve("d.gpkg");
        Files.write(file, body);
        Map<String, Double> wfsDemand = new HashMap<>();
        for (JsonNode c : wfs("indicateurs_communes", equal("zone_id", zoneId), null).get("features")) {
            wfsDemand.put(c.get("properties").get("code").asText(), c.get("properties").get("demande").asDouble());
        }
        try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
            FeatureDao communes = g.getFeatureDao("communes");
            Map<String, Double> gpkgDemand = new HashMap<>();
            var c = communes.queryForAll();
            try {
                while (c.moveToNext()) {
                    gpkgDemand.put((String) c.getValue("code"), ((Number) c.getValue("demande")).doubleValue());
                    assertTrue(c.getGeometry() != null && !c.getGeometry().isEmpty(), "commune geometry");
                }
            } finally {
                c.close();
            }
            assertEquals(wfsDemand, gpkgDemand);
            assertEquals(1, g.getFeatureDao("zone").count());
            var rows = g.getAttributesDao("dossier").queryForAll();
            boolean amii = false;
            List<String> cited = new java.util.ArrayList<>();
            while (rows.moveToNext()) {
                amii |= "amii".equals(rows.getValue("rubrique"))
                        && ((String) rows.getValue("valeur")).contains("Aucun appel à manifestation");
                if ("provenance".equals(rows.getValue("rubrique")) && !"Version de la méthode".equals(rows.getValue("libelle"))) {
                    cited.add((String) rows.getValue("libelle"));
                }
            }
            rows.close();
            assertTrue(amii, "AMII status row");
            // The inputs the scenario read, named as its provenance names them (GET /api/scenarios/defaut).
            List<String> provenance = new java.util.ArrayList<>();
            for (JsonNode v : JSON.readTree(get("/api/scenarios/defaut", null).body()).get("provenance")) {
                if (!v.get("couche").asText().equals("intentions_amii")) {
                    provenance.add(v.get("libelle").asText());
                }
            }
            assertTrue(provenance.contains("France Ruralités Revitalisation (DGCL, ANCT)"), provenance.toString());
            assertEquals(provenance, cited);
        }
    }

    @Test
    void unknownZoneOrScenarioIsExplainedInFrench() throws Exception {
        HttpResponse<byte[]> r = get("/api/scenarios/defaut/zones/zone-9999/dossier.pdf", null);
        assertEquals(404, r.statusCode());
        JsonNode e = JSON.readTree(r.body());
        assertEquals("zone_inconnue", e.get("erreur").asText());
        assertTrue(e.get("message").asText().contains("zone « zone-9999 » inconnue dans le scénario « defaut »"), e.toString());
        HttpResponse<byte[]> s = get("/api/scenarios/nulle-part/zones", null);
        assertEquals(404, s.statusCode());
        assertEquals("scenario_inconnu", JSON.readTree(s.body()).get("erreur").asText());
    }

    // ---------------------------------------------------------------- helpers

    /** The best-ranked zone with at least two communes (so the commune table has several rows). */
    private JsonNode firstZoneWithSeveralCommunes() throws IOException {
        JsonNode best = null;
        // Read as a funder: demande_couverte is a FUNDER/ADMIN column, absent from the public WFS.
        for (JsonNode z : wfs("zones_carence", null, FUNDER).get("features")) {
            if (z.get("properties").get("nb_communes").asInt() >= 2
                    && (best == null || z.get("properties").get("rang").asInt() < best.get("properties").get("rang").asInt())) {
                best = z;
            }
        }
        assertTrue(best != null, "the sample has a zone of several communes");
        return best;
    }

    /** A French figure re-derived here: half-up rounding, comma decimals, plain space between thousands. */
    static String fr(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v).replace(',', ' ').replace('.', ',');
        return s.matches("-0(,0*)?") ? s.substring(1) : s.replace('-', '−');
    }

    private JsonNode wfs(String layer, String filter, String authorization) throws IOException {
        return http().wfs(layer, filter, authorization);
    }

    private HttpResponse<byte[]> get(String path, String authorization) {
        return http().get(path, authorization);
    }

    private static Map<String, List<String>> gpkgColumns(byte[] body, Path file) throws IOException {
        Files.write(file, body);
        Map<String, List<String>> out = new HashMap<>();
        try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
            for (String t : g.getFeatureTables()) {
                out.put(t, new ArrayList<>(List.of(g.getFeatureDao(t).getTable().getColumnNames())));
            }
            for (String t : g.getAttributesTables()) {
                out.put(t, new ArrayList<>(List.of(g.getAttributesDao(t).getTable().getColumnNames())));
            }
        }
        return out;
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "« " + expected + " » not in the PDF text:\n" + text.substring(0, Math.min(text.length(), 3000)));
    }

    private static void assertInOrder(String window, List<String> expected, String what) {
        int from = 0;
        for (String e : expected) {
            int at = window.indexOf(e, from);
            assertTrue(at >= 0, what + ": « " + e + " » expected after position " + from + " in « " + window + " »");
            from = at + e.length();
        }
    }
}
