package fr.carence.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code java -jar carence.jar}, run as an outsider would (issue 14): the packaged jar
 * (built by {@code package}; this test runs in {@code integration-test}, under failsafe) is started
 * from an empty temporary folder, with no checkout to fall back on and no CARENCE_* variable. The
 * bundled catalogue must be extracted, the first start must load the sample, the service must
 * become ready, and serve a WFS layer and a WMS map.
 */
class PackagedJarIT {

    private static final Duration READY_WITHIN = Duration.ofMinutes(15); // first start (sample + default scenario) on a loaded 2-core machine
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path folder;
    private Process process;
    private int port;

    @BeforeEach
    void start() throws Exception {
        Path jar = Path.of("target", "carence.jar").toAbsolutePath();
        assertThat(jar).as("mvn package builds the jar before the integration tests").isRegularFile();
        folder = Files.createTempDirectory("carence-jar-");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx1500m", "-jar", jar.toString(), "--server.port=" + port)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("carence.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARENCE_"));
        process = pb.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theJarRunsFromAnEmptyFolderAndServesWfsAndWms() throws Exception {
        awaitReady();
        // The catalogue came out of the jar, next to the data, security rules included.
        Path catalogue = folder.resolve("data/catalogue/geoserver-data");
        assertThat(catalogue.resolve("security/layers.properties")).isRegularFile();
        assertThat(catalogue.resolve("security/columns.properties")).isRegularFile();
        assertThat(folder.resolve("data/catalogue/sld-styles/communes.sld")).isRegularFile();

        HttpResponse<byte[]> wfs = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes"
                + "&COUNT=3&OUTPUTFORMAT=application/json");
        assertThat(wfs.statusCode()).as(text(wfs)).isEqualTo(200);
        JsonNode features = new ObjectMapper().readTree(wfs.body());
        assertThat(features.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(features.path("features")).hasSize(3);
        assertThat(features.path("features").get(0).path("properties").path("nom").asText()).isNotBlank();

        // The bundled column rules are in force: an anonymous caller gets no site-derived column.
        HttpResponse<byte[]> indicators = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&TYPENAMES=carence:indicateurs_communes&COUNT=5&OUTPUTFORMAT=text/csv");
        assertThat(indicators.statusCode()).as(text(indicators)).isEqualTo(200);
        assertThat(text(indicators)).contains("score_carence").doesNotContain("site_");

        HttpResponse<byte[]> wms = get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=carence:communes&STYLES="
                + "&CRS=EPSG:2154&BBOX=500000,6150000,850000,6450000&WIDTH=256&HEIGHT=220&FORMAT=image/png");
        assertThat(wms.statusCode()).as(text(wms)).isEqualTo(200);
        assertThat(wms.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(wms.body()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(220);
        int drawn = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) >>> 24) != 0) {
                    drawn++;
                }
            }
        }
        assertThat(drawn).as("communes drawn on the map").isGreaterThan(image.getWidth() * image.getHeight() / 10);
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            assertThat(process.isAlive()).as("the jar stopped:\n" + logTail()).isTrue();
            assertThat(System.nanoTime()).as("ready within " + READY_WITHIN + ":\n" + logTail()).isLessThan(deadline);
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                if (!(e instanceof ConnectException) && !(e.getCause() instanceof ConnectException)) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("carence.log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
