package fr.carence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.security.TestAccounts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web map in a real browser (Debian's headless Chromium) against the running service: tiles
 * drawn, layer toggle, commune search and information panel; what an anonymous visitor may not do
 * (run a scenario, see the candidate sites) and how it is said; login (a wrong password, then a
 * planner) and a scenario run with a changed parameter and its comparison; a session ended
 * elsewhere; a funder's login bringing the restricted candidate sites (layer, table, CSV export,
 * site sheet) and the logout taking them away again.
 * The steps share one browser and run in order (the scenario of step 7 feeds step 10).
 * Screenshots: target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebMapBrowserTest extends RunningCarence {

    private static final int BACKGROUND = 0xeef3f7;
    private static final String RUN_HINT = "Connectez-vous avec un compte planificateur pour lancer un scénario.";

    private WebDriver driver;
    private WebDriverWait wait;
    private Path downloads;
    private Path screenshots;
    private String scenarioRun;
    private BufferedImage anonymousMap;
    private BufferedImage funderMap;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void startBrowser() throws IOException {
        screenshots = artifactDir("screenshots");
        downloads = Files.createDirectories(artifactDir("downloads").resolve("web-map"));
        try (var old = Files.list(downloads)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        driver = HeadlessChromium.start(downloads, 1400, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Order(1)
    void mapLoadsLayersFromCapabilitiesAndDrawsThem() throws IOException {
        driver.get(baseUrl());
        // "pret" is set by the first complete render after the layers were added.
        wait.until(d -> "oui".equals(body("pret")));
        List<String> groups = driver.findElements(By.cssSelector("#arbre-couches h3")).stream().map(WebElement::getText).toList();
        assertThat(groups).anyMatch(g -> g.startsWith("Résultats")).contains("Données d'entrée");
        assertThat(driver.findElement(By.id("arbre-couches")).getText())
                .contains("Zones de carence", "Communes", "Tiers-lieux existants");
        // Anonymous: the funders' layer is absent from the capabilities, hence from the tree.
        assertThat(body("session")).isEqualTo("anonyme");
        assertThat(driver.findElements(By.cssSelector("[data-couche=sites_candidats]"))).isEmpty();
        assertThat(driver.findElement(By.id("ouvrir-connexion")).getText()).isEqualTo("Se connecter");
        assertThat(driver.findElements(By.cssSelector("#arbre-couches img.legende"))).isNotEmpty();

        screenshot("01-vue-generale");
        BufferedImage map = mapImage("01-carte-initiale");
        // The Occitanie sample covers a good part of the view: boundaries, zones and venues.
        assertThat(drawnShare(map)).as("share of map pixels drawn by the WMS layers").isGreaterThan(0.12);
        assertThat(driver.findElement(By.cssSelector(".ol-scale-line")).getText()).contains("km");
        new Actions(driver).moveToElement(driver.findElement(By.id("carte")), 10, 10).perform();
        assertThat(driver.findElement(By.id("coord-l93")).getText()).matches("Lambert-93 : [0-9\\u00a0\\u202f ]+ m E, [0-9\\u00a0\\u202f ]+ m N");
        assertThat(driver.findElement(By.id("coord-wgs84")).getText()).contains("° N").contains("° E");
    }

    @Test
    @Order(2)
    void togglingALayerRedrawsTheMap() throws IOException {
        BufferedImage before = mapImage("02-avant-indicateurs");
        int renders = renders();
        driver.findElement(By.cssSelector("[data-couche=indicateurs_communes] input[type=checkbox]")).click();
        waitForRenderAfter(renders);
        assertThat(js("return Carence.findLayer('indicateurs_communes').getVisible()")).isEqualTo(true);
        BufferedImage after = mapImage("02-apres-indicateurs");
        assertThat(differingShare(before, after)).as("share of pixels changed by the indicators layer").isGreaterThan(0.05);

        // The layer has two published styles: switching to the demand redraws it and its legend.
        Select style = new Select(driver.findElement(By.cssSelector("[data-couche=indicateurs_communes] select.style")));
        assertThat(style.getOptions()).extracting(WebElement::getText).contains("Score de carence", "Demande de télétravail");
        String legend = driver.findElement(By.cssSelector("[data-couche=indicateurs_communes] img.legende")).getAttribute("src");
        renders = renders();
        style.selectByValue("demande");
        waitForRenderAfter(renders);
        assertThat(driver.findElement(By.cssSelector("[data-couche=indicateurs_communes] img.legende")).getAttribute("src"))
                .isNotEqualTo(legend).contains("STYLE=demande");
        BufferedImage demand = mapImage("02-style-demande");
        assertThat(differingShare(after, demand)).as("share of pixels changed by the demand style").isGreaterThan(0.02);
        style.selectByValue("carence_score");
    }

    @Test
    @Order(3)
    void searchingMendeZoomsToItAndClickShowsItsIndicators() throws IOException {
        WebElement search = driver.findElement(By.id("recherche-texte"));
        search.sendKeys("Mende");
        WebElement hit = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#recherche-resultats li[data-code='48095']")));
        assertThat(hit.getText()).startsWith("Mende (48095)");
        int renders = renders();
        hit.click();
        waitForRenderAfter(renders);
        assertThat((Number) js("return Carence.view.getResolution()")).matches(r -> r.doubleValue() < 100, "zoomed in");
        screenshot("03-recherche-mende");

        // Click the interior point of Mende, read from the WFS.
        double[] point = interiorPoint("48095");
        List<?> pixel = (List<?>) js("return Carence.map.getPixelFromCoordinate([arguments[0], arguments[1]])", point[0], point[1]);
        WebElement map = driver.findElement(By.id("carte"));
        int x = (int) Math.round(((Number) pixel.get(0)).doubleValue() - map.getSize().width / 2.0);
        int y = (int) Math.round(((Number) pixel.get(1)).doubleValue() - map.getSize().height / 2.0);
        new Actions(driver).moveToElement(map, x, y).click().perform();
        wait.until(d -> "pret".equals(body("info")));
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panneau-info")));
        assertThat(panel.getText()).contains("Indicateurs communaux de carence — Mende");
        WebElement accessibility = panel.findElement(By.cssSelector("tr[data-attribut=accessibilite]"));
        assertThat(accessibility.getText()).contains("Accessibilité aux lieux").contains("places / 1 000 télétravailleurs potentiels")
                .contains("2SFCA");
        assertThat(panel.findElement(By.cssSelector("tr[data-attribut=demande]")).getText()).contains("télétravailleurs");
        // Mende and its surroundings are served by the venues (docs/analysis.md).
        assertThat(panel.findElement(By.cssSelector("tr[data-attribut=carence]")).getText()).endsWith("non");
        // Site information is for funders (security/columns.properties): none for the public.
        assertThat(panel.findElements(By.cssSelector("tr[data-attribut^=site_]"))).as("site rows").isEmpty();
        assertThat(panel.getText()).doesNotContain("Site candidat", "Site retenu", "Site desservant");
        screenshot("03-panneau-mende");
    }

    @Test
    @Order(4)
    void anonymousVisitorIsToldToLogInToRunAScenarioOrSeeTheSites() throws Exception {
        int scenarios = json.readTree(get("api/scenarios")).size();
        driver.findElement(By.id("onglet-scenarios")).click();
        WebElement hint = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("droits-scenario")));
        assertThat(hint.getText()).startsWith(RUN_HINT);
        WebElement catchment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-bassin_minutes")));
        catchment.clear();
        catchment.sendKeys("20");
        driver.findElement(By.id("lancer")).click();
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(message.findElement(By.className("texte")).getText()).isEqualTo(RUN_HINT);
        assertThat(json.readTree(get("api/scenarios")).size()).as("scenarios after a refused run").isEqualTo(scenarios);
        driver.findElement(By.cssSelector("#message .fermer")).click();
        driver.findElement(By.id("reinitialiser")).click();
        // The hint's own button opens the login form.
        hint.findElement(By.cssSelector("button.se-connecter")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connexion-login")))
                .equals(driver.switchTo().activeElement())).as("login field focused").isTrue();
        driver.findElement(By.id("connexion-annuler")).click();
        assertThat(driver.findElement(By.id("connexion")).isDisplayed()).isFalse();

        driver.findElement(By.id("ouvrir-sites")).click();
        wait.until(d -> "reserves".equals(body("sites")));
        assertThat(driver.findElement(By.id("sites-etat")).getText())
                .startsWith("Les sites candidats sont réservés aux financeurs : connectez-vous");
        assertThat(driver.findElements(By.cssSelector("#table-sites tbody tr"))).isEmpty();
        assertThat(driver.findElement(By.id("export-csv")).isDisplayed()).isFalse();
        screenshot("04-anonyme-sites-reserves");
        driver.findElement(By.id("ouvrir-sites")).click();
    }

    @Test
    @Order(5)
    void aWrongPasswordIsRefusedInFrenchThenAPlannerLogsIn() throws IOException {
        driver.findElement(By.id("ouvrir-connexion")).click();
        WebElement login = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connexion-login")));
        login.sendKeys(TestAccounts.PLANNER.login());
        driver.findElement(By.id("connexion-mdp")).sendKeys("pas-le-bon-mot-de-passe");
        driver.findElement(By.cssSelector("#connexion button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connexion-erreur")));
        assertThat(error.getText()).isEqualTo("Identifiant ou mot de passe incorrect.");
        assertThat(body("session")).isEqualTo("anonyme");
        assertThat(driver.getCurrentUrl()).doesNotContain("mdp").doesNotContain("motDePasse").doesNotContain("pas-le-bon");
        screenshot("05-mot-de-passe-refuse");
        driver.findElement(By.id("connexion-annuler")).click();

        login(TestAccounts.PLANNER.login(), TestAccounts.PLANNER.password());
        assertThat(driver.findElement(By.id("session-qui")).getText()).isEqualTo(TestAccounts.PLANNER.login() + " — planificateur");
        assertThat(driver.findElement(By.id("droits-scenario")).isDisplayed()).isFalse();
        // Another identity: what was read before it (Mende's panel, step 3) is closed.
        assertThat(driver.findElement(By.id("panneau-info")).isDisplayed()).isFalse();
        // A planner is no funder: still no candidate sites.
        assertThat(driver.findElements(By.cssSelector("[data-couche=sites_candidats]"))).isEmpty();
        // Nothing of the identity is kept by the page itself.
        assertThat(js("return JSON.stringify(Object.assign({}, localStorage, sessionStorage))").toString())
                .doesNotContain(TestAccounts.PLANNER.password());
    }

    @Test
    @Order(6)
    void anInvalidParameterIsExplainedInFrench() {
        WebElement catchment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-bassin_minutes")));
        catchment.clear();
        catchment.sendKeys("1");
        driver.findElement(By.id("lancer")).click();
        // The login notice of step 5 may still be shown: wait for the server's answer to replace it.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Paramètre invalide"));
        WebElement message = driver.findElement(By.id("message"));
        assertThat(message.getText()).startsWith("Paramètre invalide").contains("bassin_minutes");
        assertThat(catchment.getAttribute("class")).contains("invalide");
        driver.findElement(By.cssSelector("#message .fermer")).click();
    }

    @Test
    @Order(7)
    void runningAScenarioWithAShorterCatchmentShowsMoreCarence() throws Exception {
        WebElement catchment = driver.findElement(By.id("param-bassin_minutes"));
        catchment.clear();
        catchment.sendKeys("20");
        WebElement name = driver.findElement(By.id("nom-scenario"));
        name.sendKeys("Bassin de 20 minutes");
        driver.findElement(By.id("lancer")).click();
        new WebDriverWait(driver, Duration.ofMinutes(4)).until(d -> body("scenarioCalcule") != null);
        scenarioRun = body("scenarioCalcule");
        assertThat(scenarioRun).startsWith("bassin-de-20-minutes-");
        assertThat(new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(scenarioRun);
        assertThat(driver.findElement(By.id("message")).getText()).contains("calculé");

        // The author is shown to accounts only (security/columns.properties): read as the planner.
        JsonNode run = json.readTree(getAs(TestAccounts.PLANNER, "api/scenarios/" + scenarioRun));
        assertThat(json.readTree(get("api/scenarios/" + scenarioRun)).path("auteur").isNull()).as("anonymous").isTrue();
        assertThat(run.path("parametres").path("bassin_minutes").asDouble()).isEqualTo(20.0);
        int carence = run.path("resume").path("nbCommunesCarence").asInt();
        int carenceDefault = json.readTree(get("api/scenarios/defaut")).path("resume").path("nbCommunesCarence").asInt();
        assertThat(carence).isGreaterThan(carenceDefault);
        assertThat(driver.findElement(By.id("resume-scenario")).getText()).contains("Communes en carence").contains(String.valueOf(carence));
        assertThat(driver.findElement(By.xpath("//*[@id='resume-scenario']//dt[.='Lancé par']/following-sibling::dd[1]"))
                .getText()).isEqualTo(TestAccounts.PLANNER.login());
        assertThat(run.path("auteur").asText()).isEqualTo(TestAccounts.PLANNER.login());
        // provenance and method version of the run, as the API records them (issue 11)
        assertThat(run.path("provenance").size()).isPositive();
        assertThat(driver.findElement(By.cssSelector("#resume-scenario details.provenance summary")).getText())
                .isEqualTo("Provenance : " + run.path("provenance").size() + " couches lues — méthode "
                        + run.path("versionMethode").asText());
        // the run's warnings, as the API records them, each one listed (none: no list)
        List<String> warnings = new ArrayList<>();
        run.path("avertissements").forEach(a -> warnings.add(a.asText()));
        // The default call profile (action 15) names reconversion zones, which no data here covers.
        assertThat(warnings).anyMatch(w -> w.startsWith("zones_reconversion : "));
        assertThat(driver.findElements(By.cssSelector("#resume-scenario details.avertissements li")))
                .extracting(li -> li.getAttribute("textContent")).containsExactlyElementsOf(warnings);
        if (!warnings.isEmpty()) {
            assertThat(driver.findElement(By.cssSelector("#resume-scenario details.avertissements summary")).getText())
                    .isEqualTo("Avertissements du calcul : " + warnings.size());
        }

        new Select(driver.findElement(By.id("comparer-a"))).selectByValue("defaut");
        new Select(driver.findElement(By.id("comparer-b"))).selectByValue(scenarioRun);
        JsonNode comparison = json.readTree(get("api/scenarios/defaut/compare/" + scenarioRun));
        int enteringCount = comparison.path("entrantes").size();
        int leavingCount = comparison.path("sortantes").size();
        assertThat(enteringCount).isPositive();
        int renders = renders();
        driver.findElement(By.id("comparer")).click();
        WebElement entering = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#resultat-comparaison details.entrantes summary")));
        assertThat(entering.getText()).isEqualTo("Entrent en carence : " + enteringCount);
        assertThat(driver.findElement(By.cssSelector("#resultat-comparaison details.sortantes summary")).getText())
                .isEqualTo("Sortent de la carence : " + leavingCount);
        // Entering communes outlined in red on the map (leaving ones in green).
        wait.until(d -> ((Number) js("return Carence.highlight.getFeatures().length")).intValue() == enteringCount + leavingCount);
        assertThat(js("return Carence.highlight.getFeatures().filter(f => f.get('couleur') === '#ce0500').length"))
                .isEqualTo((long) enteringCount);
        waitForRenderAfter(renders);
        screenshot("05-comparaison");
    }

    @Test
    @Order(8)
    void aSessionEndedElsewhereIsExplainedWhenRunning() {
        // Logout from another tab: this page still believes the planner is connected.
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " Carence.fetch('api/session', {method: 'DELETE'}).then(r => done(r.status), e => done(String(e)));");
        assertThat(((Number) status).intValue()).as("logout status").isBetween(200, 299);
        assertThat(body("session")).isEqualTo(TestAccounts.PLANNER.login());
        driver.findElement(By.id("nom-scenario")).sendKeys("Après la fin de session");
        hideMessage();
        driver.findElement(By.id("lancer")).click();
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(message.findElement(By.className("texte")).getText())
                .startsWith("Le scénario n'a pas été lancé : vous n'êtes pas connecté ou votre session a expiré.")
                .endsWith(RUN_HINT);
        // The page caught up: anonymous again, hint back.
        wait.until(d -> "anonyme".equals(body("session")));
        assertThat(driver.findElement(By.id("droits-scenario")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("ouvrir-connexion")).isDisplayed()).isTrue();
        driver.findElement(By.cssSelector("#message .fermer")).click();
        driver.findElement(By.id("nom-scenario")).clear();
    }

    @Test
    @Order(9)
    void aFunderSeesTheCandidateSitesOnTheMap() throws IOException {
        // Whole sample in view, no outline: the only difference the login makes is the sites layer.
        fitToSample();
        anonymousMap = mapImage("09-carte-anonyme");

        login(TestAccounts.FUNDER.login(), TestAccounts.FUNDER.password());
        assertThat(driver.findElement(By.id("session-qui")).getText()).isEqualTo(TestAccounts.FUNDER.login() + " — financeur");
        driver.findElement(By.id("onglet-couches")).click();
        WebElement sitesLayer = driver.findElement(By.cssSelector("[data-couche=sites_candidats]"));
        assertThat(sitesLayer.getText()).startsWith("Sites candidats");
        assertThat(sitesLayer.findElement(By.cssSelector("input[type=checkbox]")).isSelected()).isTrue();
        redrawAndWait();
        // Every image of the new layer set loaded: the login notice is still the last message.
        assertThat(driver.findElement(By.id("message")).getAttribute("class")).isEqualTo("notice");
        assertThat(js("return document.querySelector('#message .texte').textContent")).asString()
                .startsWith("Connecté : " + TestAccounts.FUNDER.login());
        hideMessage();
        funderMap = mapImage("09-carte-financeur");
        driver.findElement(By.id("recherche-texte")).clear();
        js("document.getElementById('panneau-gauche').scrollTop = 0");
        screenshot("09-financeur-connecte");
        // The ten stars of the sites, drawn over an otherwise identical picture.
        assertThat(differingShare(anonymousMap, funderMap)).as("share of pixels drawn by the candidate sites").isBetween(0.0005, 0.02);
    }

    @Test
    @Order(10)
    void sitesTableSortsExportsCsvAndPrintsASheet() throws Exception {
        driver.findElement(By.id("ouvrir-sites")).click();
        wait.until(d -> body("sites") != null && body("sites").matches("\\d+"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#table-sites tbody tr"));
        assertThat(rows).hasSize(10);
        assertThat(driver.findElement(By.id("sites-etat")).getText()).contains(scenarioRun);

        driver.findElement(By.cssSelector("#table-sites th[data-cle=km_evites_an]")).click();
        List<Double> km = column(5);
        assertThat(km).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        screenshot("06-tableau-sites");

        driver.findElement(By.id("export-csv")).click();
        Path csv = downloads.resolve("sites-candidats_" + scenarioRun + ".csv");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\ufeffrang;code_commune;nom_commune;demande_couverte_teletravailleurs;km_evites_an;"
                + "co2_evite_t_an;fibre_ftth_pct;communes_desservies;fragilites_communes_desservies;scenarios_avec_site_proche");
        // Robustness across the saved scenarios (defaut, this run, any other test's): each site counts this one at least.
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches(".*;[1-9][0-9]* scénarios? sur [1-9][0-9]*$"));
        assertThat(lines).hasSize(11);
        JsonNode sites = json.readTree(getAs(TestAccounts.FUNDER, "wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:sites_candidats"
                + "&OUTPUTFORMAT=application/json&SCENARIO=" + scenarioRun));
        double maxKm = 0;
        for (JsonNode f : sites.path("features")) {
            maxKm = Math.max(maxKm, f.path("properties").path("km_evites_an").asDouble());
        }
        // Rows follow the table's order: the first line has the most km avoided.
        // French Excel: decimal comma, no decimal point anywhere in the figures.
        assertThat(lines.get(1).split(";")[4]).doesNotContain(".");
        assertThat(Double.parseDouble(lines.get(1).split(";")[4].replace(',', '.'))).isCloseTo(maxKm, org.assertj.core.data.Offset.offset(0.01));
        // "Why here": the first site's served communes are named in its row.
        assertThat(lines.get(1)).contains("télétravailleurs potentiels");

        String gpkgHref = driver.findElement(By.id("export-gpkg")).getAttribute("href");
        HttpResponse<byte[]> gpkg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gpkgHref))
                        .header("Authorization", TestAccounts.FUNDER.basic()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(gpkg.body(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        // Named after the scenario, with the served communes as a second layer.
        assertThat(gpkg.headers().firstValue("Content-Disposition").orElse("")).contains("sites_candidats_" + scenarioRun + ".gpkg");
        Path gpkgFile = downloads.resolve("verification-" + scenarioRun + ".gpkg");
        Files.write(gpkgFile, gpkg.body());
        try (mil.nga.geopackage.GeoPackage g = mil.nga.geopackage.GeoPackageManager.open(gpkgFile.toFile())) {
            assertThat(g.getFeatureTables()).contains("sites_candidats", "indicateurs_communes");
            assertThat(g.getFeatureDao("sites_candidats").count()).isEqualTo(10);
            assertThat(g.getFeatureDao("indicateurs_communes").count()).isPositive();
        }
        Files.delete(gpkgFile);

        // Side-by-side comparison of two sites.
        List<WebElement> picks = driver.findElements(By.cssSelector("#table-sites input.comparer-site"));
        picks.get(0).click();
        picks.get(1).click();
        driver.findElement(By.id("comparer-sites")).click();
        WebElement comparison = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comparaison-sites table")));
        assertThat(comparison.findElements(By.cssSelector("thead th"))).hasSize(3);
        assertThat(comparison.getText()).contains("Communes desservies").contains("t CO₂e");
        screenshot("06-comparaison-sites");
        JsonNode geojson = json.readTree(getAs(TestAccounts.FUNDER, driver.findElement(By.id("export-geojson")).getAttribute("href").substring(baseUrl().length())));
        assertThat(geojson.path("features")).hasSize(10);

        // The comparison scrolled the drawer: back to the first row (the sticky header would cover it).
        js("document.querySelector('#panneau-sites .defilement').scrollTop = 0");
        driver.findElement(By.cssSelector("#table-sites tbody tr:first-child button.fiche")).click();
        wait.until(d -> "pret".equals(driver.findElement(By.id("fiche-site")).getAttribute("data-etat")));
        WebElement sheet = driver.findElement(By.cssSelector("#fiche-site .fiche-page"));
        // The site and the carence communes it serves are outlined on the sheet's map.
        assertThat(((Number) js("return Carence.highlight.getFeatures().length")).intValue()).isGreaterThan(1);
        assertThat(sheet.getText()).contains("Site candidat n°").contains("CO₂ évité par an").contains("t CO₂e");
        // The fibre figure names the ARCEP vintage the scenario read (its provenance), not a date of the page's own.
        Object thdVintage = js("return Carence.scenarioRecord(Carence.scenario()).provenance"
                + ".find(p => p.couche === 'couverture_thd').millesime");
        assertThat(thdVintage).as("vintage of couverture_thd in the scenario's provenance").isNotNull();
        String cited = thdVintage.toString().startsWith("ARCEP") ? thdVintage.toString() : "ARCEP " + thdVintage;
        assertThat(sheet.getText()).contains("% des locaux (" + cited + ")").doesNotContain("ARCEP ARCEP");
        String snapshot = driver.findElement(By.cssSelector("#fiche-site img")).getAttribute("src");
        assertThat(snapshot).startsWith("data:image/png;base64,");
        BufferedImage sheetMap = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(snapshot.substring(22))));
        assertThat(drawnShare(sheetMap)).as("share of the sheet's map drawn").isGreaterThan(0.05);
        Files.write(screenshots.resolve("06-fiche-site.png"), sheet.getScreenshotAs(OutputType.BYTES));
        driver.findElement(By.id("fiche-png")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith("fiche-site-") && p.toString().endsWith(".png"));
            } catch (IOException e) {
                return false;
            }
        });
        driver.findElement(By.id("fiche-fermer")).click();
    }

    @Test
    @Order(11)
    void loggingOutHidesTheCandidateSitesAgain() throws IOException {
        // The site sheet left its site and served communes outlined: funder's data on screen.
        assertThat(((Number) js("return Carence.highlight.getFeatures().length")).intValue()).isPositive();
        int loads = layerLoads();
        driver.findElement(By.id("deconnexion")).click();
        wait.until(d -> "anonyme".equals(body("session")) && layerLoads() > loads);
        assertThat(driver.findElements(By.cssSelector("[data-couche=sites_candidats]"))).isEmpty();
        assertThat(((Number) js("return Carence.highlight.getFeatures().length")).intValue()).isZero();
        // The open sites panel says why it is empty.
        wait.until(d -> "reserves".equals(body("sites")));
        assertThat(driver.findElement(By.id("sites-etat")).getText()).startsWith("Les sites candidats sont réservés aux financeurs : connectez-vous");
        assertThat(driver.findElements(By.cssSelector("#table-sites tbody tr"))).isEmpty();
        driver.findElement(By.id("ouvrir-sites")).click();
        fitToSample();
        hideMessage();
        BufferedImage afterLogout = mapImage("11-carte-apres-deconnexion");
        // No image of the funder's session is left on screen: back to the anonymous picture.
        assertThat(differingShare(funderMap, afterLogout)).as("pixels changed by the logout").isGreaterThan(0.0005);
        assertThat(differingShare(anonymousMap, afterLogout)).as("pixels differing from the anonymous map").isLessThan(0.0005);
        screenshot("11-deconnecte");
    }

    @Test
    @Order(12)
    void badBaseMapAddressAndUnreachableServiceAreReportedInFrench() {
        driver.get(baseUrl() + "?fond=pas-une-adresse");
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(message.getText()).startsWith("Adresse de fond de carte invalide");
        wait.until(d -> "oui".equals(body("pret")));
        assertThat(driver.findElements(By.cssSelector("#arbre-couches .couche"))).isNotEmpty();
        driver.findElement(By.cssSelector("#message .fermer")).click();

        // The service stops answering: the user reads why, in French.
        js("window.fetch = () => Promise.reject(new TypeError('Failed to fetch'))");
        driver.findElement(By.id("recherche-texte")).sendKeys("Albi");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(driver.findElement(By.cssSelector("#message .texte")).getText())
                .isEqualTo("Recherche de territoire : le service Carence ne répond pas (serveur arrêté ou réseau coupé).");
    }

    // ----- helpers -----

    /** Logs in through the form and waits for the layer tree rebuilt for the new identity. */
    private void login(String login, String password) {
        int loads = layerLoads();
        if (!driver.findElement(By.id("connexion")).isDisplayed()) {
            driver.findElement(By.id("ouvrir-connexion")).click();
        }
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connexion-login")));
        field.clear();
        field.sendKeys(login);
        driver.findElement(By.id("connexion-mdp")).sendKeys(password);
        driver.findElement(By.cssSelector("#connexion button[type=submit]")).click();
        wait.until(d -> login.equals(body("session")) && layerLoads() > loads && "pretes".equals(body("couches")));
        assertThat(driver.findElement(By.id("connexion")).isDisplayed()).isFalse();
    }

    private int layerLoads() {
        String n = body("chargementsCouches");
        return n == null ? 0 : Integer.parseInt(n);
    }

    /** The whole sample in view, no outline, every image loaded. */
    private void fitToSample() {
        int renders = renders();
        js("Carence.highlight.clear(); Carence.map.updateSize(); Carence.view.fit(ol.proj.transformExtent("
                + "Carence.findLayer('communes').get('cap').EX_GeographicBoundingBox, 'EPSG:4326', Carence.L93)); Carence.map.render()");
        waitForRenderAfter(renders);
        redrawAndWait();
        hideMessage();
    }

    /** A notice over the map would spoil the picture comparisons. */
    private void hideMessage() {
        js("document.getElementById('message').hidden = true");
    }

    /**
     * Waits until no map image is loading, then asks for one more render and waits for it: that
     * frame draws every image (a "rendercomplete" alone may come from a frame before a view change).
     */
    private void redrawAndWait() {
        wait.until(d -> ((Number) js("return Carence.imagesLoading()")).intValue() == 0);
        int renders = renders();
        js("Carence.map.render()");
        waitForRenderAfter(renders);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private String body(String dataKey) {
        return (String) js("return document.body.dataset[arguments[0]] || null", dataKey);
    }

    private int renders() {
        String n = body("rendus");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private void waitForRenderAfter(int count) {
        wait.until(d -> renders() > count);
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), path);
    }

    /** GET with HTTP Basic, as QGIS or curl -u would (restricted layers). */
    private String getAs(TestAccounts.Account account, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", account.basic()).build(), path);
    }

    private String send(HttpRequest request, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** An interior point of the commune's largest polygon, in Lambert-93, read from the WFS in the page. */
    private double[] interiorPoint(String code) {
        List<?> p = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const filter = '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo>'
                    + '<fes:ValueReference>code</fes:ValueReference><fes:Literal>' + arguments[0] + '</fes:Literal>'
                    + '</fes:PropertyIsEqualTo></fes:Filter>';
                fetch(Carence.wfsUrl({TYPENAMES: 'carence:communes', SRSNAME: 'EPSG:2154', OUTPUTFORMAT: 'application/json', FILTER: filter}))
                  .then(r => r.json()).then(fc => {
                    const g = Carence.geojson.readFeatures(fc)[0].getGeometry();
                    const poly = g.getPolygons ? g.getPolygons().sort((a, b) => b.getArea() - a.getArea())[0] : g;
                    done(poly.getInteriorPoint().getCoordinates());
                  });
                """, code);
        return new double[] {((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()};
    }

    private List<Double> column(int index) {
        List<Double> values = new ArrayList<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#table-sites tbody tr td:nth-child(" + index + ")"))) {
            values.add(Double.parseDouble(cell.getText().replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.')));
        }
        return values;
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The map's picture without the cartouche over it (its legend follows the layers: compared pictures must show the drawing only). */
    private BufferedImage mapImage(String name) throws IOException {
        js("document.getElementById('cartouche').style.visibility = 'hidden'");
        byte[] png;
        try {
            png = driver.findElement(By.id("carte")).getScreenshotAs(OutputType.BYTES);
        } finally {
            js("document.getElementById('cartouche').style.visibility = ''");
        }
        Files.write(screenshots.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Share of pixels that differ from the empty map's background colour. */
    private static double drawnShare(BufferedImage image) {
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (distance(image.getRGB(x, y) & 0xffffff, BACKGROUND) > 24) {
                    drawn++;
                }
            }
        }
        return drawn / (double) (image.getWidth() * image.getHeight());
    }

    private static double differingShare(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (distance(a.getRGB(x, y) & 0xffffff, b.getRGB(x, y) & 0xffffff) > 24) {
                    differing++;
                }
            }
        }
        return differing / (double) (w * h);
    }

    private static int distance(int rgb1, int rgb2) {
        return Math.abs((rgb1 >> 16 & 0xff) - (rgb2 >> 16 & 0xff)) + Math.abs((rgb1 >> 8 & 0xff) - (rgb2 >> 8 & 0xff))
                + Math.abs((rgb1 & 0xff) - (rgb2 & 0xff));
    }
}
