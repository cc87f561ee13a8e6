package fr.carence.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.testing.PdfText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web map's layout on a laptop (1366×768) with drawers open and on a phone (390 px wide),
 * and the zones tab opening a zone's dossier de carence. One browser per screen size; the page
 * is measured in the browser (element sizes in CSS pixels). Screenshots: target/screenshots.
 */
class WebMapLayoutBrowserTest extends RunningCarence {

    @Test
    void onALaptopTheMapStaysUsableWithTheDrawersOpenAndAZoneOpensItsDossier() throws Exception {
        ChromeDriver driver = HeadlessChromium.start(downloads(), 1366, 768);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(baseUrl());
            wait.until(d -> "oui".equals(body(driver, "pret")));

            driver.findElement(By.id("onglet-zones")).click();
            wait.until(d -> body(driver, "zones") != null);
            assertThat(Integer.parseInt(body(driver, "zones"))).isPositive();
            WebElement first = driver.findElement(By.cssSelector("#table-zones tbody tr"));
            // Rank 1 first, named by place ("Cahors – Grand Cahors"), never by a code such as "zone-3".
            assertThat(first.findElement(By.cssSelector("td")).getText()).isEqualTo("1");
            assertThat(first.findElement(By.cssSelector("button.zoomer-zone")).getText())
                    .matches("\\p{Lu}.+").doesNotContain("zone-").doesNotContain("grappe-").doesNotContain("qpv-");
            String pdfHref = first.findElement(By.cssSelector("a.dossier-pdf")).getAttribute("href");
            assertThat(first.findElement(By.cssSelector("a.dossier-gpkg")).getAttribute("href")).endsWith("/dossier.gpkg");
            HttpResponse<byte[]> pdf = http().send(HttpRequest.newBuilder(URI.create(pdfHref)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            String zoneName = first.findElement(By.cssSelector("button.zoomer-zone")).getText();
            assertThat(PdfText.text(pdf.body())).contains("Dossier de carence — " + zoneName);
            first.findElement(By.cssSelector("button.zoomer-zone")).click();

            // The sites drawer (anonymous: its message) and the information panel, both open.
            driver.findElement(By.id("ouvrir-sites")).click();
            wait.until(d -> "reserves".equals(body(driver, "sites")));
            driver.executeScript("document.getElementById('panneau-info').hidden = false;"
                    + "Carence.showInfo([document.createTextNode('Informations')]);");
            Thread.sleep(300);
            long viewport = ((Number) js(driver, "return window.innerHeight")).longValue();
            assertThat(viewport).as("laptop viewport").isEqualTo(768);
            WebElement map = driver.findElement(By.id("carte"));
            assertThat(map.getSize().height).as("map height with the drawers open, of %d px", viewport)
                    .isGreaterThanOrEqualTo((int) (0.5 * viewport));
            assertThat(map.getSize().width).as("map width with the panels open").isGreaterThanOrEqualTo(500);
            screenshot(driver, "10-portable-1366x768-tiroirs-ouverts");
        } finally {
            driver.quit();
        }
    }

    @Test
    void onAPhoneThePanelFoldsAndTheMapKeepsMostOfTheScreen() throws Exception {
        ChromeDriver driver = HeadlessChromium.start(downloads(), 390, 844);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(baseUrl());
            wait.until(d -> "oui".equals(body(driver, "pret")));
            long width = ((Number) js(driver, "return window.innerWidth")).longValue();
            long height = ((Number) js(driver, "return window.innerHeight")).longValue();
            assertThat(width).as("phone viewport").isEqualTo(390);
            assertThat(((Number) js(driver, "return document.documentElement.scrollWidth")).longValue())
                    .as("nothing wider than the screen").isLessThanOrEqualTo(width);
            WebElement fold = driver.findElement(By.id("replier-panneau"));
            assertThat(fold.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(driver.findElement(By.id("panneau-gauche")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("carte")).getSize().height).as("map height of %d px", height)
                    .isGreaterThanOrEqualTo((int) (0.6 * height));
            screenshot(driver, "11-telephone-390-carte");

            fold.click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("panneau-gauche")));
            assertThat(panel.getSize().width).isLessThanOrEqualTo((int) width);
            assertThat(driver.findElement(By.id("onglet-couches")).isDisplayed()).isTrue();
            assertThat(((Number) js(driver, "return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(width);
            screenshot(driver, "11-telephone-390-panneau");
            fold.click();
            wait.until(d -> !driver.findElement(By.id("panneau-gauche")).isDisplayed());

            driver.findElement(By.id("ouvrir-sites")).click();
            wait.until(d -> "reserves".equals(body(driver, "sites")));
            assertThat(driver.findElement(By.id("carte")).getSize().height).as("map with the sites drawer open")
                    .isGreaterThanOrEqualTo((int) (0.6 * height));
            assertThat(((Number) js(driver, "return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(width);
        } finally {
            driver.quit();
        }
    }

    private static Path downloads() throws IOException {
        return Files.createDirectories(artifactDir("downloads").resolve("mise-en-page"));
    }

    private static Object js(ChromeDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String body(ChromeDriver driver, String key) {
        return driver.findElement(By.tagName("body")).getAttribute("data-" + key);
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.write(artifactDir("screenshots").resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
