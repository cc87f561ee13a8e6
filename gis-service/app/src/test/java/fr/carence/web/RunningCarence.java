package fr.carence.web;

import fr.carence.testing.RunningSampleService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the browser and notebook tests add to the shared running service: the address a browser
 * opens, where artifacts go, and whether missing tools must fail (CI) or skip.
 */
abstract class RunningCarence extends RunningSampleService {

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
}
