package fr.carence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.security.TestAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The AMII journey in a real browser (headless Chromium) against the running service: the residual
 * zones layer is in the layer tree, a planner loads a bad intentions file and reads every bad line
 * in French, then a good one (made up: one confirmed 500-seat venue in a commune of the default
 * scenario's first zone), computes the displayed scenario with it and sees the residual zones
 * change (status "AMII appliqué", less demand left in carence). Screenshots: target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiiBrowserTest extends RunningCarence {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private WebDriver driver;
    private WebDriverWait wait;
    private Path work;
    private String computed;

    @BeforeAll
    void startBrowser() throws IOException {
        work = Files.createDirectories(artifactDir("downloads").resolve("amii"));
        driver = HeadlessChromium.start(work, 1400, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (computed != null) {  // leave the shared service's scenarios as they were
            http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "api/scenarios/" + computed))
                    .header("Authorization", TestAccounts.PLANNER.basic()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void aPlannerLoadsIntentionsAndSeesTheResidualZonesChange() throws Exception {
        driver.get(baseUrl());
        wait.until(d -> "oui".equals(body("pret")));
        assertThat(driver.findElement(By.id("arbre-couches")).getText()).contains("Zones de carence résiduelles (après AMII)");

        login(TestAccounts.PLANNER.login(), TestAccounts.PLANNER.password());
        driver.findElement(By.id("onglet-zones")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amii-form")));
        WebElement status = driver.findElement(By.id("amii-statut"));
        wait.until(d -> "defaut".equals(status.getAttribute("data-scenario")));
        // The default scenario was computed without an AMII: residual = presumptive, and it says so.
        assertThat(status.getText()).contains("Aucun appel à manifestation d'intention d'investissement (AMII) n'a été appliqué");
        assertThat(status.getAttribute("data-residuelles")).isEqualTo(status.getAttribute("data-presumees"));
        double presumed = Double.parseDouble(status.getAttribute("data-demande-presumee"));
        assertThat(Double.parseDouble(status.getAttribute("data-demande-residuelle"))).isEqualTo(presumed);
        assertThat(driver.findElement(By.id("amii-modele-csv")).getAttribute("href")).endsWith("api/intentions/modele.csv");

        // A bad file: every bad line, in French; nothing loaded.
        Path bad = work.resolve("amii-faux.csv");
        Files.writeString(bad, "id;porteur;type;code_commune;places;statut\nB-1;;coworking;12145;10;projet\n"
                + "B-2;SCIC;garage;12145;10;projet\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("amii-fichier")).sendKeys(bad.toAbsolutePath().toString());
        driver.findElement(By.id("amii-charger")).click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amii-erreurs")));
        List<String> lines = errors.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("ligne 2").contains("porteur").contains("valeur obligatoire manquante");
        assertThat(lines.get(1)).contains("ligne 3").contains("« garage » inconnu");
        assertThat(driver.findElement(By.id("amii-charge")).getText()).contains("rien n'a été remplacé");
        screenshot("amii-01-fichier-refuse");

        // A good file, in a commune of the default scenario's first zone.
        JsonNode first = json.readTree(get("wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=zones_carence"
                + "&OUTPUTFORMAT=application/json&SORTBY=rang")).get("features").get(0).get("properties");
        String commune = first.get("codes_communes").asText().split(";")[0];
        Path good = work.resolve("amii-navigateur.csv");
        Files.writeString(good, "id;porteur;type;code_commune;places;date_ouverture;statut\n"
                + "N-1;Porteur fictif (navigateur);tiers_lieu;" + commune + ";500;2027-09;confirme\n", StandardCharsets.UTF_8);
        WebElement input = driver.findElement(By.id("amii-fichier"));
        input.clear();
        input.sendKeys(good.toAbsolutePath().toString());
        driver.findElement(By.id("amii-charger")).click();
        wait.until(d -> d.findElement(By.id("amii-charge")).getText().contains("Intentions chargées : 1 (fichier amii-navigateur.csv"));
        assertThat(driver.findElement(By.id("amii-erreurs")).isDisplayed()).isFalse();

        WebElement apply = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amii-appliquer")));
        apply.click();
        new WebDriverWait(driver, Duration.ofMinutes(5)).until(d -> body("amiiCalcule") != null);
        computed = body("amiiCalcule");
        assertThat(computed).startsWith("defaut-amii-");
        wait.until(d -> computed.equals(status.getAttribute("data-scenario")));
        assertThat(status.getText()).contains("AMII appliqué : 1 intention(s) retenue(s) sur 1 du fichier amii-navigateur.csv");
        assertThat(Double.parseDouble(status.getAttribute("data-demande-presumee"))).isEqualTo(presumed);
        assertThat(Double.parseDouble(status.getAttribute("data-demande-residuelle"))).isLessThan(presumed);
        assertThat(Integer.parseInt(status.getAttribute("data-residuelles")))
                .isLessThanOrEqualTo(Integer.parseInt(status.getAttribute("data-presumees")));
        // The residual layer of the new scenario no longer holds the commune the intention serves.
        JsonNode residual = json.readTree(get("wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=zones_carence_residuelles"
                + "&OUTPUTFORMAT=application/json&SCENARIO=" + computed)).get("features");
        for (JsonNode r : residual) {
            assertThat(r.get("properties").get("codes_communes").asText().split(";")).doesNotContain(commune);
        }
        screenshot("amii-02-zones-residuelles");
    }

    private void login(String login, String password) {
        driver.findElement(By.id("ouvrir-connexion")).click();
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connexion-login")));
        field.sendKeys(login);
        driver.findElement(By.id("connexion-mdp")).sendKeys(password);
        driver.findElement(By.cssSelector("#connexion button[type=submit]")).click();
        wait.until(d -> login.equals(body("session")));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private String body(String dataKey) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.dataset[arguments[0]] || null", dataKey);
    }

    private void screenshot(String name) throws IOException {
        Files.write(artifactDir("screenshots").resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
