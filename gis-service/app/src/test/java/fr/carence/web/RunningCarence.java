package fr.carence.web;

import fr.carence.app.CarenceApplication;
import fr.carence.security.TestAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service shared by the browser and notebook tests: every subclass inherits the same
 * configuration, so Spring's test context cache starts Carence once (first start loads the
 * Occitanie sample and computes the default scenario, about 20 s), with the test accounts of
 * {@link TestAccounts} configured.
 * The data directory lives as long as the JVM, not as long as one test class, because the cached
 * context outlives the class that created it.
 */
@SpringBootTest(classes = CarenceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningCarence {

    static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("carence.store.kind", () -> "h2gis");
        registry.add("carence.store.data-dir", DATA_DIR::toString);
        // Tests run from the module directory: point at the repository's catalogue.
        registry.add("carence.catalog.dir", () -> "../../geoserver-data");
        registry.add("carence.styles.dir", () -> "../../sld-styles");
        // Made-up accounts and tokens (users and tokens files in a temp dir), as a deployment configures them.
        TestAccounts.register(registry);
    }

    String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    /** True on the CI machine, where a missing browser or Jupyter must fail rather than skip. */
    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Path artifactDir(String name) {
        try {
            return Files.createDirectories(Path.of("target", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("carence-web-tests-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
