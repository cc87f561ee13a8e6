package fr.carence.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.cli.CarenceCli;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.testing.SharedData;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The loader command line ({@code carence load communes …}, the real CLI in a child JVM) killed
 * with SIGKILL while it writes the national commune polygons over the Occitanie ones: the killed
 * load is caught in the act by watching its staging table fill up, and afterwards the published
 * layer is the previous version byte for byte, with its provenance, and a later load succeeds.
 */
class KilledLoadTest {

    private static final long DEADLINE_MS = 10 * 60_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLoadKilledWhileWritingLeavesThePreviousVersion(StoreKind kind) throws Exception {
        String schema = kind == StoreKind.POSTGIS ? StoreTestSupport.createPostgisSchema() : null;
        try {
            StoreConfig config = kind == StoreKind.H2GIS ? StoreConfig.h2gis(dir.resolve("data")).withH2AutoServer(true)
                    : StoreTestSupport.postgisConfig(schema);
            Path population = SharedData.file("communes-population");
            Path occitanie = sampleFile("communes-2018-occitanie.geojson.gz");
            Path national = SharedData.file("communes-geometry/communes-2018-admin-express-simplifie.geojson.gz");

            cli(config, "load", "admin", population.resolve("communes.json.gz"), population.resolve("epci.json.gz"),
                    population.resolve("departements.json"), population.resolve("regions.json"));
            cli(config, "load", "communes", occitanie);
            List<String> before;
            LayerInfo infoBefore;
            Set<String> leftovers;
            try (FeatureStore store = FeatureStores.open(config)) {
                before = LayerContents.of(store, "communes");
                infoBefore = store.info("communes").orElseThrow();
                assertThat(before).hasSizeBetween(4000, 5000);
            }
            try (Connection c = StagingTables.connect(config)) {
                leftovers = StagingTables.unpublished(c, schema);
            }

            Process child = start(config, "load", "communes", national);
            try {
                awaitStagingRows(config, schema, leftovers, child);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }

            // As after a restart: the killed load's staging table is an orphan, dropped at once.
            try (FeatureStore store = FeatureStores.open(config.withStagingGracePeriod(Duration.ZERO))) {
                assertThat(LayerContents.of(store, "communes")).isEqualTo(before);
                assertThat(store.info("communes")).contains(infoBefore);
            }
            try (Connection c = StagingTables.connect(config)) {
                assertThat(StagingTables.unpublished(c, schema)).isEmpty();
            }

            cli(config, "load", "communes", occitanie);
            try (FeatureStore store = FeatureStores.open(config)) {
                assertThat(LayerContents.of(store, "communes")).isEqualTo(before);
                assertThat(store.info("communes").orElseThrow().committedAt()).isAfter(infoBefore.committedAt());
                assertThat(store.count("communes", FeatureQuery.all())).isEqualTo(before.size());
            }
        } finally {
            if (schema != null) {
                StoreTestSupport.dropPostgisSchema(schema);
            }
        }
    }

    private Path sampleFile(String name) throws Exception {
        Path target = dir.resolve(name);
        try (InputStream in = OccitanieSample.class.getResourceAsStream(OccitanieSample.DIRECTORY + "/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** Runs the CLI to completion; it must succeed. */
    private void cli(StoreConfig config, Object... args) throws Exception {
        Process p = start(config, args);
        assertThat(p.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(p.exitValue()).as("carence %s: %s", List.of(args), Files.readString(dir.resolve("cli.log"))).isZero();
    }

    private Process start(StoreConfig config, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dlogback.configurationFile=carence-cli-logback.xml",
                "-cp", System.getProperty("java.class.path"), CarenceCli.class.getName()));
        command.add(String.valueOf(args[0]));
        command.add(String.valueOf(args[1]));
        if (config.kind() == StoreConfig.Kind.H2GIS) {
            command.addAll(List.of("--store", "h2gis", "--data-dir", config.dataDirectory().toString()));
        } else {
            command.addAll(List.of("--store", "postgis", "--jdbc-url", config.jdbcUrl(), "--user", config.user(),
                    "--password", config.password() == null ? "" : config.password()));
        }
        for (int i = 2; i < args.length; i++) {
            command.add(String.valueOf(args[i]));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
    }

    /**
     * Until a physical table that no layer points at holds rows: the load is writing its new
     * version. The CLI opened the H2GIS file first (after its first progress line), so our
     * AUTO_SERVER connection goes through its process rather than taking the file over.
     */
    private void awaitStagingRows(StoreConfig config, String schema, Set<String> leftovers, Process child)
            throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!Files.readString(dir.resolve("cli.log")).contains("lignes")) {
            assertThat(child.isAlive()).as(Files.readString(dir.resolve("cli.log"))).isTrue();
            assertThat(System.currentTimeMillis()).isLessThan(end);
            Thread.sleep(20);
        }
        try (Connection c = StagingTables.connect(config)) {
            while (System.currentTimeMillis() < end) {
                assertThat(child.isAlive()).as("the load ended before it was caught writing: %s",
                        Files.readString(dir.resolve("cli.log"))).isTrue();
                if (StagingTables.newStagingWithRows(c, schema, leftovers)) {
                    return;
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the load never started writing");
    }
}
