package fr.carence.ogc.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/data} by walking up from the working directory (CI clones next to shared/). */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared/data not found above " + Path.of("").toAbsolutePath());
    }

    /** The repository root (holds geoserver-data/). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("geoserver-data")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("repository root (with geoserver-data/) not found above " + Path.of("").toAbsolutePath());
    }
}
