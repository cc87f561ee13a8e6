package fr.carence.web;

import static fr.carence.testing.ServiceHttp.equal;
import static fr.carence.testing.ServiceHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.security.TestAccounts;
import fr.carence.testing.PdfText;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The planner's journey in a real browser (Debian's headless Chromium) at 1366×768 and on a
 * 390 px phone: search a région, a département, an intercommunalité and a commune, see the map
 * zoom there and the zones table filtered (counts checked against the API), sort it, export it
 * as CSV and read the file back (BOM, semicolons, decimal comma, communes named), open a zone's
 * dossier from the table, read the cartouche (title, vintages from the scenario's provenance,
 * modelled flows counted against the WFS), restore a shareable link in a fresh page (scenario,
 * layers, territory, view), and print the map (the PDF the page saves, read back).
 * Screenshots: target/screenshots/20-…; downloads: target/downloads/planificateur.
 */
class WebMapPlannerBrowserTest extends RunningCarence {

    private static final String SCENARIO = "parcours-planif";

    @Test
    void onALaptopThePlannerFindsATerritoryItsZonesExportsSharesAndPrints() throws Exception {
        startScenario();
        Path downloads = downloads("planificateur");
        ChromeDriver driver = HeadlessChromium.start(downloads, 1366, 768);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            driver.get(baseUrl());
            wait.until(d -> "oui".equals(body(driver, "pret")) && "oui".equals(body(driver, "lienRestaure")));

            // The cartouche: title, modelled flows counted as the WFS counts them, vintages of the scenario's provenance.
            WebElement cartouche = driver.findElement(By.id("cartouche"));
            assertThat(cartouche.isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("carte-titre")).getText()).isEqualTo("Zones de carence en lieux de télétravail");
            long flows = hits("flux_od", null);
            long modelled = hits("flux_od", equal("modelise", "true"));
            wait.until(d -> body(driver, "fluxModelises") != null);
            assertThat(body(driver, "fluxModelises")).isEqualTo(modelled + "/" + flows);
            assertThat(norm(driver.findElement(By.id("carte-flux")).getText()))
                    .startsWith("Flux modélisés : " + fr(modelled) + " des " + fr(flows) + " flux domicile-travail tracés");
            String vintages = driver.findElement(By.id("carte-millesimes")).getText();
            for (JsonNode v : json(get("/api/scenarios/defaut")).get("provenance")) {
                if (v.hasNonNull("millesime")) {
                    // named as the service names it (the provenance's libelle), no copy in the page
                    assertThat(vintages).contains(v.get("libelle").asText() + " " + v.get("millesime").asText());
                }
            }
            assertThat(driver.findElement(By.id("carte-legende")).getText()).contains("Zones de carence");
            screenshot(driver, "20-planificateur-cartouche");

            // A région, a département, an intercommunalité, a commune: zoom and zones filtered.
            driver.findElement(By.id("onglet-zones")).click();
            wait.until(d -> body(driver, "zones") != null);
            pick(driver, wait, "Occitanie", "region", "76");
            pick(driver, wait, "rodez agglo", "epci", null);
            pick(driver, wait, "Saint-Affrique", "commune", "12208");
            pick(driver, wait, "Aveyron", "departement", "12");
            screenshot(driver, "20-planificateur-aveyron");

            // Sort by demand (first click: largest first), then by name.
            driver.findElement(By.cssSelector("#table-zones th[data-cle=demande]")).click();
            List<Double> demand = numbers(driver, 3);
            assertThat(demand).hasSizeGreaterThan(1);
            for (int i = 1; i < demand.size(); i++) {
                assertThat(demand.get(i)).as("demand sorted, largest first").isLessThanOrEqualTo(demand.get(i - 1));
            }
            assertThat(driver.findElement(By.cssSelector("#table-zones th[data-cle=demande]")).getAttribute("aria-sort")).isEqualTo("descending");

            // Export as shown, and read the file back.
            JsonNode zones = json(get("/api/scenarios/defaut/zones?territoire=departement:12"));
            driver.findElement(By.id("export-zones")).click();
            Path csv = downloads.resolve("zones-carence_defaut_departement-12.csv");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(csv) && size(csv) > 0);
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
            assertThat(lines.get(0)).startsWith("rang;zone;unite_de_zonage;nb_communes;communes;codes_communes;population;demande_teletravailleurs;score_carence");
            assertThat(lines).hasSize(zones.size() + 1);
            boolean decimalComma = false;
            for (int i = 1; i < lines.size(); i++) {
                List<String> cells = cells(lines.get(i));
                JsonNode z = byName(zones, cells.get(1));
                List<String> names = new ArrayList<>();
                z.get("communes").forEach(c -> names.add(c.get("nom").asText()));
                assertThat(cells.get(4)).as("communes of %s, named", cells.get(1)).isEqualTo(String.join(", ", names));
                assertThat(cells.get(0)).isEqualTo(z.get("rang").asText());
                decimalComma |= cells.get(8).matches("\\d+,\\d+");
                assertThat(cells.get(8)).doesNotContain(".");
                // Rows in the order shown: demand, largest first.
                if (i > 1) {
                    assertThat(Double.parseDouble(cells.get(7).replace(',', '.')))
                            .isLessThanOrEqualTo(Double.parseDouble(cells(lines.get(i - 1)).get(7).replace(',', '.')));
                }
            }
            assertThat(decimalComma).as("a score with decimals, written with a comma").isTrue();

            // A zone's dossier from the table.
            WebElement first = driver.findElement(By.cssSelector("#table-zones tbody tr"));
            String zoneName = first.findElement(By.cssSelector("button.zoomer-zone")).getText();
            assertThat(first.findElement(By.cssSelector(".communes-zone")).getText()).doesNotContainPattern("\\d{5}");
            HttpResponse<byte[]> dossier = http().send(HttpRequest.newBuilder(URI.create(first.findElement(By.cssSelector("a.dossier-pdf"))
                    .getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(dossier.statusCode()).isEqualTo(200);
            assertThat(PdfText.text(dossier.body())).contains("Dossier de carence — " + zoneName);

            // The flows layer shown, another scenario: the link keeps them; a fresh page restores them.
            awaitScenario();
            driver.navigate().refresh();
            wait.until(d -> "oui".equals(body(driver, "lienRestaure")));
            assertThat(body(driver, "territoire")).isEqualTo("departement:12");
            new Select(driver.findElement(By.id("scenario"))).selectByValue(SCENARIO);
            WebElement fluxBox = driver.findElement(By.cssSelector("[data-couche=flux_od] input[type=checkbox]"));
            if (!fluxBox.isSelected()) {
                fluxBox.click();
            }
            js(driver, "Carence.view.setCenter([700000, 6360000]); Carence.view.setZoom(7.5);");
            wait.until(d -> String.valueOf(js(driver, "return location.hash")).contains("vue=700000,6360000,7.5"));
            driver.findElement(By.id("partager")).click();
            String link = driver.findElement(By.id("lien-partage")).getAttribute("value");
            assertThat(link).contains("scenario=" + SCENARIO, "territoire=departement:12", "flux_od", "zones_carence", "vue=700000,6360000,7.5");

            driver.get("about:blank");
            driver.get(link);
            wait.until(d -> "oui".equals(body(driver, "pret")) && "oui".equals(body(driver, "lienRestaure")));
            assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(SCENARIO);
            assertThat(body(driver, "territoire")).isEqualTo("departement:12");
            assertThat(driver.findElement(By.cssSelector("[data-couche=flux_od] input[type=checkbox]")).isSelected()).isTrue();
            assertThat(driver.findElement(By.cssSelector("[data-couche=zones_carence] input[type=checkbox]")).isSelected()).isTrue();
            assertThat(((Number) js(driver, "return Carence.view.getZoom()")).doubleValue()).isCloseTo(7.5, org.assertj.core.data.Offset.offset(0.01));
            assertThat(((Number) js(driver, "return Carence.view.getCenter()[0]")).doubleValue()).isCloseTo(700000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(driver.findElement(By.id("territoire-choisi")).getText()).contains("Aveyron (département)");
            assertThat(driver.findElement(By.id("carte-sous-titre")).getText()).contains("Aveyron (département)");
            // The result layers show the restored scenario.
            // Zones are drawn from vector tiles (their URL carries the scenario); clicks and print use WMS.
            assertThat(String.valueOf(js(driver, "return Carence.findLayer('zones_carence').getSource().getUrls()[0]")))
                    .contains("scenario=" + SCENARIO);
            assertThat(String.valueOf(js(driver, "return Carence.wmsSourceOf(Carence.findLayer('zones_carence')).getParams().SCENARIO"))).isEqualTo(SCENARIO);
            assertThat(driver.findElement(By.id("carte-legende")).getText()).contains("observés (INSEE)", "modélisés");
            screenshot(driver, "20-planificateur-lien-restaure");

            // A printable map of this view: title and comment typed, PDF saved by the page and read back.
            driver.findElement(By.id("imprimer-carte")).click();
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("impression-titre-carte")));
            title.clear();
            title.sendKeys("Zones de carence de l'Aveyron");
            driver.findElement(By.id("impression-commentaire")).sendKeys("Pour le comité de pilotage.");
            screenshot(driver, "20-planificateur-impression");
            driver.findElement(By.id("impression-pdf")).click();
            Path pdf = downloads.resolve("carte-carence_" + SCENARIO + ".pdf");
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> "oui".equals(body(driver, "carteImprimee")) && Files.exists(pdf) && size(pdf) > 0);
            String text = PdfText.text(Files.readAllBytes(pdf));
            long scenarioFlows = hits("flux_od", null, SCENARIO);
            long scenarioModelled = hits("flux_od", equal("modelise", "true"), SCENARIO);
            assertThat(text).contains("Zones de carence de l'Aveyron", "Commentaire : Pour le comité de pilotage.", "Aveyron (département)",
                    "Légende", "Échelle : barre de", "nord en haut", "Sources et millésimes",
                    "Flux domicile-travail : " + fr(scenarioModelled) + " des " + fr(scenarioFlows) + " flux tracés sont modélisés");
        } finally {
            driver.quit();
        }
    }

    @Test
    void onAPhoneTheJourneyFitsTheScreen() throws Exception {
        ChromeDriver driver = HeadlessChromium.start(downloads("planificateur-telephone"), 390, 844);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            driver.get(baseUrl());
            wait.until(d -> "oui".equals(body(driver, "pret")) && "oui".equals(body(driver, "lienRestaure")));
            long height = ((Number) js(driver, "return window.innerHeight")).longValue();
            WebElement map = driver.findElement(By.id("carte"));
            assertThat(map.getSize().height).as("map height of %d px", height).isGreaterThanOrEqualTo((int) (0.6 * height));
            // The cartouche under the map, never over it; the legend folded, the title and the flows cue shown.
            WebElement cartouche = driver.findElement(By.id("cartouche"));
            assertThat(cartouche.getLocation().getY()).isGreaterThanOrEqualTo(map.getLocation().getY() + map.getSize().height - 1);
            assertThat(driver.findElement(By.id("carte-titre")).isDisplayed()).isTrue();
            wait.until(d -> body(driver, "fluxModelises") != null);
            assertThat(driver.findElement(By.id("carte-flux")).getText()).startsWith("Flux modélisés");

            driver.findElement(By.id("replier-panneau")).click();
            driver.findElement(By.id("onglet-zones")).click();
            pick(driver, wait, "Aveyron", "departement", "12");
            assertThat(driver.findElements(By.cssSelector("#table-zones tbody tr"))).isNotEmpty();
            screenshot(driver, "21-telephone-zones-aveyron");
            assertThat(((Number) js(driver, "return document.documentElement.scrollWidth")).longValue())
                    .as("nothing wider than the screen; beyond it: %s", js(driver, WIDER_THAN_SCREEN)).isLessThanOrEqualTo(390);
            driver.findElement(By.id("replier-panneau")).click();
            assertThat(driver.findElement(By.id("carte")).getSize().height).isGreaterThanOrEqualTo((int) (0.6 * height));

            driver.findElement(By.id("imprimer-carte")).click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-impression")));
            assertThat(dialog.getSize().width).isLessThanOrEqualTo(390);
            assertThat(((Number) js(driver, "return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(390);
            screenshot(driver, "21-telephone-impression");
        } finally {
            driver.quit();
        }
    }

    // ----- helpers -----

    /** The elements reaching beyond the right edge of the screen (for the failure message). */
    private static final String WIDER_THAN_SCREEN = "return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
            + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')";

    /** Types a search, picks the result of that type (and code), and checks zoom and zones table against the API. */
    private void pick(ChromeDriver driver, WebDriverWait wait, String text, String type, String code) throws IOException {
        JsonNode expected = json(get("/api/territoires?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8))).get(0);
        assertThat(expected.get("type").asText()).as("first result for %s", text).isEqualTo(type);
        if (code != null) {
            assertThat(expected.get("code").asText()).isEqualTo(code);
        }
        WebElement input = driver.findElement(By.id("recherche-texte"));
        input.clear();
        input.sendKeys(text);
        WebElement hit = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#recherche-resultats li[data-type='" + type + "'][data-code='" + expected.get("code").asText() + "']")));
        assertThat(driver.findElement(By.cssSelector("#recherche-resultats li")).getAttribute("data-type")).as("ranked first").isEqualTo(type);
        assertThat(hit.getText()).startsWith(expected.get("nom").asText()).contains(expected.get("libelle").asText());
        String key = type + ":" + expected.get("code").asText();
        hit.click();
        wait.until(d -> key.equals(body(driver, "territoire")));
        // Zoomed in on the territory: the view's centre inside its extent.
        JsonNode e = expected.get("etendue");
        List<?> centre = (List<?>) js(driver, "return Carence.view.getCenter()");
        double x = ((Number) centre.get(0)).doubleValue();
        double y = ((Number) centre.get(1)).doubleValue();
        assertThat(x).isBetween(e.get(0).asDouble(), e.get(2).asDouble());
        assertThat(y).isBetween(e.get(1).asDouble(), e.get(3).asDouble());
        // The zones table shows the territory's zones (the API's filter).
        int count = json(get("/api/scenarios/defaut/zones?territoire=" + key)).size();
        wait.until(d -> String.valueOf(count).equals(body(driver, "zones")));
        assertThat(driver.findElements(By.cssSelector("#table-zones tbody tr"))).hasSize(count);
        assertThat(driver.findElement(By.id("zones-etat")).getText()).contains(count == 0 ? "Aucune zone" : "touchant " + expected.get("nom").asText());
    }

    private void startScenario() {
        if (http().send(request("/api/scenarios/" + SCENARIO).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
        }
        HttpResponse<String> r = http().send(request("/api/scenarios").header("Authorization", TestAccounts.bearer(TestAccounts.PLANNER_TOKEN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + SCENARIO + "\",\"nom\":\"Bassin de 25 minutes\",\"parametres\":{\"bassin_minutes\":25}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 202);
    }

    private void awaitScenario() throws Exception {
        for (int i = 0; i < 600; i++) {
            String statut = json(get("/api/scenarios/" + SCENARIO)).get("statut").asText();
            if ("termine".equals(statut)) {
                return;
            }
            assertThat(statut).isNotEqualTo("echec");
            Thread.sleep(1000);
        }
        throw new AssertionError("scenario " + SCENARIO + " not finished in 10 minutes");
    }

    private static JsonNode byName(JsonNode zones, String name) {
        for (JsonNode z : zones) {
            if (z.get("nom").asText().equals(name)) {
                return z;
            }
        }
        throw new AssertionError("zone " + name + " not in the API's list");
    }

    /** Cells of a CSV line (";" separated, double quotes around cells that hold one). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static List<Double> numbers(ChromeDriver driver, int column) {
        List<Double> values = new ArrayList<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#table-zones tbody tr td:nth-child(" + column + ")"))) {
            values.add(Double.parseDouble(cell.getText().replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.')));
        }
        return values;
    }

    private long hits(String layer, String filter) {
        return hits(layer, filter, "defaut");
    }

    private long hits(String layer, String filter, String scenario) {
        return http().hits(layer, filter, scenario);
    }

    /** An integer as French text writes it, with a plain space between thousands. */
    private static String fr(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    private static String norm(String s) {
        return s.replace('\u202F', ' ').replace('\u00A0', ' ');
    }

    private HttpRequest.Builder request(String path) {
        return http().request(path);
    }

    private HttpResponse<byte[]> get(String path) {
        return http().get(path);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path downloads(String name) throws IOException {
        Path dir = Files.createDirectories(artifactDir("downloads").resolve(name));
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        return dir;
    }

    private static Object js(ChromeDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String body(ChromeDriver driver, String key) {
        return driver.findElement(By.tagName("body")).getAttribute("data-" + key.replaceAll("([A-Z])", "-$1").toLowerCase());
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.write(artifactDir("screenshots").resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
