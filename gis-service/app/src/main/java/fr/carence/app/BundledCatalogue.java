package fr.carence.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The catalogue ({@code geoserver-data/}) and the styles ({@code sld-styles/}) are read from the
 * file system, so an administrator can add a layer without rebuilding. When the configured
 * directories do not exist (the jar is run outside a checkout), the copies bundled in the jar
 * are extracted under the data directory and used instead.
 */
public class BundledCatalogue implements EnvironmentPostProcessor, Ordered {

    /** After the configuration files are read, before {@code SecurityFilesCheck} reads the rules. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    private static final String BUNDLE = "carence-bundle/";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String catalogDir = env.getProperty("carence.catalog.dir", "geoserver-data");
        String stylesDir = env.getProperty("carence.styles.dir", "sld-styles");
        if (Files.isDirectory(Path.of(catalogDir)) && Files.isDirectory(Path.of(stylesDir))) {
            return;
        }
        // Absolute and normalised: the containment check below compares it with normalised paths
        // (a relative "./data" never matched them, so nothing was extracted: issue 14).
        Path target = Path.of(env.getProperty("carence.store.data-dir", "data")).resolve("catalogue")
                .toAbsolutePath().normalize();
        try {
            extract("geoserver-data", target);
            extract("sld-styles", target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled catalogue to " + target, e);
        }
        if (!Files.isDirectory(target.resolve("geoserver-data").resolve("workspaces"))) {
            throw new IllegalStateException("Catalogue intégré introuvable dans le jar : rien n'a été extrait vers "
                    + target + " (carence.catalog.dir=" + catalogDir + " n'existe pas non plus).");
        }
        env.getPropertySources().addFirst(new MapPropertySource("carence-bundled-catalogue", Map.of(
                "carence.catalog.dir", target.resolve("geoserver-data").toString(),
                "carence.styles.dir", target.resolve("sld-styles").toString())));
    }

    private static void extract(String folder, Path target) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver(BundledCatalogue.class.getClassLoader());
        String prefix = BUNDLE + folder + "/";
        for (Resource r : resolver.getResources("classpath*:" + prefix + "**/*")) {
            if (!r.isReadable()) {
                continue; // a directory entry
            }
            String url = r.getURL().toString();
            String relative = url.substring(url.lastIndexOf(prefix) + BUNDLE.length());
            Path out = target.resolve(relative).normalize();
            if (!out.startsWith(target)) {
                continue;
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
