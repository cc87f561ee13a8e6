package fr.carence.testing;

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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Carence as the README starts it (empty H2GIS store: first start loads the Occitanie sample and
 * computes the default scenario, about 20 s), with the made-up {@link TestAccounts} configured as a
 * deployment would. Every end-to-end test class of the module extends this one and adds no
 * configuration of its own, so Spring's test context cache starts the service once per JVM.
 * The data directory lives as long as the JVM because the cached context outlives the class that
 * created it.
 */
@SpringBootTest(classes = CarenceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StartupReadinessProbe.class)
public abstract class RunningSampleService {

    protected static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("carence.store.kind", () -> "h2gis");
        registry.add("carence.store.data-dir", DATA_DIR::toString);
        // Tests run from the module directory: point at the repository's catalogue.
        registry.add("carence.catalog.dir", () -> "../../geoserver-data");
        registry.add("carence.styles.dir", () -> "../../sld-styles");
        TestAccounts.register(registry);
    }

    private ServiceHttp http;

    /** HTTP calls on the running service (GET, JSON, WFS reads and counts). */
    protected ServiceHttp http() {
        if (http == null) {
            http = new ServiceHttp(url(""));
        }
        return http;
    }

    /** Absolute URL of a path on the running service, e.g. {@code url("/wfs")}. */
    protected String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("carence-app-tests-");
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
