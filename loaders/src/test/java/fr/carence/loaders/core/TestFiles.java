package fr.carence.loaders.core;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates test fixtures and the shared real data (walking up from the working directory). */
public final class TestFiles {

    private TestFiles() {
    }

    /** A test resource under fr/carence/loaders/. */
    public static Path resource(String relative) {
        URL url = TestFiles.class.getResource("/fr/carence/loaders/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource " + relative);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of /work/shared/data (found as shared/data in the working dir or one of its parents). */
    public static Path sharedData(String relative) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("shared/data not found above " + Paths.get("").toAbsolutePath());
    }
}
