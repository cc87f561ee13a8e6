package fr.carence.ogc.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test paths: the real data (through the store's test support) and the repository root. */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        return fr.carence.store.testing.SharedData.dir();
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
