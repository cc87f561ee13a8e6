package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a store-writing {@code main} in a child JVM on the test classpath and kills it (SIGKILL,
 * no shutdown hook, no rollback) as soon as it prints a marker line: the process dying mid-write
 * that the store must survive.
 */
final class KilledChild {

    private KilledChild() {
    }

    /**
     * @param main class whose {@code main(mode..., kind, store settings...)} writes and prints the marker
     * @param mode leading arguments of the child
     * @param config the store the child opens
     * @param marker the line after which the child is killed
     * @param logDir where the child's standard error is kept, shown if the marker never comes
     */
    static void killAfter(Class<?> main, List<String> mode, StoreConfig config, String marker, Path logDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(mode);
        if (config.kind() == StoreConfig.Kind.H2GIS) {
            command.addAll(List.of("h2gis", config.dataDirectory().toString()));
        } else {
            command.addAll(List.of("postgis", config.jdbcUrl(), config.user(), config.password() == null ? "" : config.password()));
        }
        Path log = Files.createTempFile(logDir, "child", ".log");
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean reached = false;
            while (!reached && (line = out.readLine()) != null) {
                reached = line.equals(marker);
            }
            assertThat(reached).as("child output: %s", Files.readString(log)).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
