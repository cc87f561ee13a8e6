package fr.carence.reliability;

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
 * Carence on an embedded H2GIS store after a real first start (Occitanie sample and default
 * scenario), shared by the reliability tests of this package: they inherit one configuration, so
 * Spring's context cache starts the service once for all of them.
 */
@SpringBootTest(classes = CarenceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StartupReadinessProbe.class)
abstract class RunningSampleService {

    /** Lives as long as the JVM: the cached context outlives the class that created it. */
    static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("carence.store.kind", () -> "h2gis");
        registry.add("carence.store.data-dir", DATA_DIR::toString);
        registry.add("carence.catalog.dir", () -> "../../geoserver-data");
        registry.add("carence.styles.dir", () -> "../../sld-styles");
        TestAccounts.register(registry);
    }

    ServiceClient client() {
        return new ServiceClient(port);
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("carence-reliability-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // best effort at JVM exit
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
