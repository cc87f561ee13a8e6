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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
            try (Connection c = connect(kind, config)) {
                leftovers = unpublishedTables(c, schema);
            }

            Process child = start(config, "load", "communes", national);
            try {
                awaitStagingRows(kind, config, schema, leftovers, child);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }

            // As after a restart: the killed load's staging table is an orphan, dropped at once.
            try (FeatureStore store = FeatureStores.open(config.withStagingGracePeriod(Duration.ZERO))) {
                assertThat(LayerContents.of(store, "communes")).isEqualTo(before);
                assertThat(store.info("communes")).contains(infoBefore);
            }
            try (Connection c = connect(kind, config)) {
                assertThat(unpublishedTables(c, schema)).isEmpty();
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
    private void awaitStagingRows(StoreKind kind, StoreConfig config, String schema, Set<String> leftovers, Process child)
            throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (!Files.readString(dir.resolve("cli.log")).contains("lignes")) {
            assertThat(child.isAlive()).as(Files.readString(dir.resolve("cli.log"))).isTrue();
            assertThat(System.currentTimeMillis()).isLessThan(end);
            Thread.sleep(20);
        }
        try (Connection c = connect(kind, config)) {
            while (System.currentTimeMillis() < end) {
                assertThat(child.isAlive()).as("the load ended before it was caught writing: %s",
                        Files.readString(dir.resolve("cli.log"))).isTrue();
                for (String table : unpublishedTables(c, schema)) {
                    if (!leftovers.contains(table) && rows(c, table) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the load never started writing");
    }

    private static Connection connect(StoreKind kind, StoreConfig config) throws SQLException {
        return kind == StoreKind.H2GIS
                ? DriverManager.getConnection("jdbc:h2:file:" + config.h2DatabasePath() + ";AUTO_SERVER=TRUE", "sa", "")
                : DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    /** Store tables ({@code carence_data_<n>}) that the layer registry does not publish. */
    private static Set<String> unpublishedTables(Connection c, String schema) throws SQLException {
        Set<String> published = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT physical_table FROM carence_layer")) {
            while (rs.next()) {
                published.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("carence_data_") && !published.contains(lower)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static long rows(Connection c, String table) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0; // dropped meanwhile
        }
    }
}
