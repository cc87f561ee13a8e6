package fr.carence.render;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds repository folders (sld-styles/) from the test working directory, whatever the module. */
public final class RepoFiles {

    private RepoFiles() {
    }

    /** The nearest ancestor folder of the working directory containing {@code name}. */
    public static Path find(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no folder '" + name + "' above " + Path.of("").toAbsolutePath());
    }
}
