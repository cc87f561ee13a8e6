package fr.carence.store.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real data in {@code shared/data} by walking up from the working directory (CI
 * clones the repository next to {@code shared/}).
 */
public final class SharedData {

    private SharedData() {
    }

    /** The {@code shared/data} directory itself. */
    public static Path dir() {
        return file(".").normalize();
    }

    /** The file at {@code shared/data/<relative>}; fails naming what was searched when absent. */
    public static Path file(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/" + relative + " not found in " + dir + " or any parent directory");
    }
}
