package fr.carence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web map draws communes, indicators and zones from vector tiles (OGC API Tiles, MVT) in a
 * real browser (Debian's headless Chromium) against the running service: the tiles are requested
 * and their features shown with the SLD's rules, the hovered feature is outlined, a click still
 * shows the WMS information, and an anonymous visitor's tiles hold no candidate-site attribute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorTilesBrowserTest extends RunningCarence {

    private static final List<String> TILED = List.of("communes", "indicateurs_communes", "zones_carence");

    private WebDriver driver;
    private WebDriverWait wait;
    private Path screenshots;

    @BeforeAll
    void startBrowser() throws IOException {
        screenshots = artifactDir("screenshots");
        driver = HeadlessChromium.start(Files.createDirectories(artifactDir("downloads").resolve("tiles")), 1400, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void tiledLayersAreDrawnFromMvtTilesHoveredAndClickedWithoutSiteAttributes() throws IOException {
        driver.get(baseUrl());
        wait.until(d -> "oui".equals(body("pret")));
        // The indicators are off by default: show them, then wait for every tile and style.
        js("Carence.findLayer('indicateurs_communes').setVisible(true)");
        for (String layer : TILED) {
            assertThat(js("return Carence.findLayer(arguments[0]).get('tiled') === true", layer)).as(layer).isEqualTo(true);
            wait.until(d -> js("return !!Carence.findLayer(arguments[0]).get('rules')", layer).equals(true));
        }
        settle();

        // The browser fetched MVT tiles of each layer, the result layers for the scenario shown.
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/tiles/WebMercatorQuad/'))");
        for (String layer : TILED) {
            assertThat(requested).as("tiles of " + layer).anyMatch(u -> u.contains("/ogc/collections/" + layer + "/tiles/"));
        }
        assertThat(requested).filteredOn(u -> u.contains("/zones_carence/")).allMatch(u -> u.endsWith("?scenario=defaut"));

        // Features are on screen, with the attributes the catalogue lists and no site_* column.
        for (String layer : TILED) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) js("""
                    const l = Carence.findLayer(arguments[0]);
                    const keys = new Set();
                    l.getFeaturesInExtent(Carence.view.calculateExtent(Carence.map.getSize()))
                      .forEach(f => Object.keys(f.getProperties()).forEach(k => keys.add(k)));
                    return [...keys];""", layer);
            assertThat(keys).as("attributes of the drawn " + layer).isNotEmpty().noneMatch(k -> k.startsWith("site_"));
        }
        // The anonymous visitor's tile of the indicators, read directly: the same rule.
        @SuppressWarnings("unchecked")
        List<String> direct = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const url = Carence.findLayer('indicateurs_communes').getSource().getUrls()[0]
                    .replace('{z}', '7').replace('{y}', '46').replace('{x}', '64');
                fetch(url).then(r => r.arrayBuffer()).then(b => {
                  const fs = new ol.format.MVT().readFeatures(b, {extent: [0, 0, 4096, 4096]});
                  done([String(fs.length)].concat([...new Set(fs.flatMap(f => Object.keys(f.getProperties())))]));
                });""");
        assertThat(Integer.parseInt(direct.get(0))).as("features in the Rodez z7 tile").isPositive();
        assertThat(direct.subList(1, direct.size())).contains("code", "score_carence").noneMatch(k -> k.startsWith("site_"));

        // Hover: a commune's interior point under the pointer outlines it and names it.
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) js("""
                const l = Carence.findLayer('communes');
                const f = l.getFeaturesInExtent(Carence.view.calculateExtent(Carence.map.getSize()))
                  .find(x => x.get('code') === '12202');
                const p = Carence.map.getPixelFromCoordinate(f.getFlatInteriorPoint ? f.getFlatInteriorPoint().slice(0, 2)
                    : ol.extent.getCenter(f.getExtent()));
                return {x: p[0], y: p[1]};""");
        int x = ((Number) target.get("x")).intValue();
        int y = ((Number) target.get("y")).intValue();
        BufferedImage before = mapImage("tuiles-01-avant-survol");
        WebElement map = driver.findElement(By.id("carte"));
        new Actions(driver).moveToElement(map, x - map.getSize().getWidth() / 2, y - map.getSize().getHeight() / 2).perform();
        wait.until(d -> !String.valueOf(body("survol")).isEmpty() && body("survol") != null);
        String hovered = body("survol");
        assertThat(hovered).matches("(zones_carence:.+|indicateurs_communes:12202|communes:12202)");
        settle();
        BufferedImage after = mapImage("tuiles-02-survol");
        assertThat(changedPixels(before, after)).as("pixels changed by the hover outline").isGreaterThan(200);

        // Click: the same WMS information panel as before.
        new Actions(driver).click().perform();
        wait.until(d -> "pret".equals(body("info")));
        assertThat(driver.findElement(By.id("contenu-info")).getText()).contains("Rodez");
    }

    /** Waits until no tile or image is loading, then for one more complete render. */
    private void settle() {
        wait.until(d -> ((Number) js("return Carence.imagesLoading()")).intValue() == 0);
        String n = body("rendus");
        int renders = n == null ? 0 : Integer.parseInt(n);
        js("Carence.map.render()");
        wait.until(d -> Integer.parseInt(body("rendus")) > renders);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private String body(String key) {
        return (String) js("return document.body.dataset[arguments[0]] || null", key);
    }

    private BufferedImage mapImage(String name) throws IOException {
        byte[] png = driver.findElement(By.id("carte")).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static long changedPixels(BufferedImage a, BufferedImage b) {
        long n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
