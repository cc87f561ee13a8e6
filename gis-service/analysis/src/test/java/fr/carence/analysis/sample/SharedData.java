package fr.carence.analysis.sample;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code shared/data} by walking up from the working directory (CI clones the repo next to it). */
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
        Path fallback = Path.of("/work/shared/data");
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("shared/data not found above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
