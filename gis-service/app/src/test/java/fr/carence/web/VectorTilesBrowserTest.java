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
        // Hit detection over a grid of pixels is slow on a loaded machine.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
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

        // Features are on screen (hit detection over a grid of pixels: what is drawn), with the
        // catalogue's attributes and no site_* column.
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) js("""
                const keys = {}; let target = null;
                const [w, h] = Carence.map.getSize();
                for (let x = 20; x < w; x += 50) for (let y = 20; y < h; y += 50) {
                  Carence.map.forEachFeatureAtPixel([x, y], (f, l) => {
                    const name = Carence.shortName(l.get('cap').Name);
                    keys[name] = keys[name] || [];
                    Object.keys(f.getProperties()).forEach(k => { if (!keys[name].includes(k)) keys[name].push(k); });
                    if (!target && name === 'communes' && f.get('nom')) target = {x, y, code: f.get('code'), nom: f.get('nom')};
                  }, {layerFilter: l => !!l.get('tiled')});
                }
                return {keys, target};""");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> keys = (Map<String, List<String>>) drawn.get("keys");
        for (String layer : TILED) {
            assertThat(keys.get(layer)).as("attributes of the drawn " + layer).isNotNull().isNotEmpty()
                    .noneMatch(k -> k.startsWith("site_"));
        }
        assertThat(keys.get("indicateurs_communes")).contains("code", "carence", "score_carence");
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

        // Hover: the pointer over a drawn commune outlines the top-most tiled feature there.
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) drawn.get("target");
        assertThat(target).as("a commune drawn on the map").isNotNull();
        int x = ((Number) target.get("x")).intValue();
        int y = ((Number) target.get("y")).intValue();
        BufferedImage before = mapImage("tuiles-01-avant-survol");
        WebElement map = driver.findElement(By.id("carte"));
        new Actions(driver).moveToElement(map, x - map.getSize().getWidth() / 2, y - map.getSize().getHeight() / 2).perform();
        wait.until(d -> !String.valueOf(body("survol")).isEmpty() && body("survol") != null);
        String hovered = body("survol");
        String code = (String) target.get("code");
        assertThat(hovered).matches("(zones_carence:.+|indicateurs_communes:" + code + "|communes:" + code + ")");
        settle();
        BufferedImage after = mapImage("tuiles-02-survol");
        // The outline is the hover colour (#000091, dark blue), absent from the map's own styles.
        assertThat(hoverPixels(after)).as("hover-blue pixels after / before the hover")
                .isGreaterThan(hoverPixels(before) + 20);

        // Click: the same WMS information panel as before.
        new Actions(driver).click().perform();
        wait.until(d -> "pret".equals(body("info")));
        assertThat(driver.findElement(By.id("contenu-info")).getText()).contains((String) target.get("nom"));
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

    private static long hoverPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 70 && g < 70 && b > 100 && b - Math.max(r, g) > 60) {
                    n++;
                }
            }
        }
        return n;
    }
}
