package fr.carence.store.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostGIS server the tests run against, found once per JVM in this order:
 * <ol>
 *   <li>a Testcontainers {@code postgis/postgis:15-3.4} container when Docker is available;</li>
 *   <li>an external server from {@code CARENCE_TEST_POSTGIS_URL} (+ {@code _USER}, {@code _PASSWORD});</li>
 *   <li>a throwaway cluster started from the Debian binaries in {@code /usr/lib/postgresql/15/bin}
 *       (package {@code postgresql-15-postgis-3}), stopped by a shutdown hook;</li>
 *   <li>none: {@link #endpoint()} is empty and {@link #unavailableReason()} says how to get one.</li>
 * </ol>
 * The database must have the postgis extension (or let the user create it); each test store
 * then lives in its own schema (see {@link StoreTestSupport#openPostgis()}).
 */
public final class PostgisServer {

    /** Where to reach the server. */
    public record Endpoint(String jdbcUrl, String user, String password, String origin) {
    }

    static final String ENV_URL = "CARENCE_TEST_POSTGIS_URL";
    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path POSTGIS_CONTROL = Path.of("/usr/share/postgresql/15/extension/postgis.control");

    private static Endpoint endpoint;
    private static String unavailableReason;
    private static boolean resolved;

    private PostgisServer() {
    }

    public static synchronized java.util.Optional<Endpoint> endpoint() {
        if (!resolved) {
            resolved = true;
            try {
                endpoint = resolve();
            } catch (Exception e) {
                unavailableReason = "starting PostGIS for the tests failed: " + e;
            }
        }
        return java.util.Optional.ofNullable(endpoint);
    }

    public static synchronized String unavailableReason() {
        endpoint();
        return unavailableReason;
    }

    private static Endpoint resolve() throws Exception {
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                    DockerImageName.parse("postgis/postgis:15-3.4").asCompatibleSubstituteFor("postgres"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgis-container"));
            return new Endpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "testcontainers");
        }
        String url = System.getenv(ENV_URL);
        if (url != null && !url.isBlank()) {
            return new Endpoint(url, System.getenv(ENV_URL + "_USER"), System.getenv(ENV_URL + "_PASSWORD"), "env " + ENV_URL);
        }
        if (Files.isExecutable(PG_BIN.resolve("initdb")) && Files.exists(POSTGIS_CONTROL)) {
            return ThrowawayCluster.start();
        }
        unavailableReason = "no PostGIS server for the tests: no Docker, no " + ENV_URL
                + " and no local PostgreSQL 15 + PostGIS (apt-get install postgresql-15-postgis-3)";
        return null;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** A PostgreSQL cluster in a temp directory, on a free port, for this JVM only. */
    private static final class ThrowawayCluster {

        static Endpoint start() throws Exception {
            Path dir = Files.createTempDirectory("carence-pg-");
            boolean root = isRoot();
            if (root) {
                // initdb refuses to run as root: the cluster belongs to the Debian postgres user.
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            }
            int port = freePort();
            Path data = dir.resolve("data");
            run(root, List.of(PG_BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"), dir);
            // Durability settings off: a test cluster is thrown away anyway.
            run(root, List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("pg.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, data, dir), "stop-postgis-cluster"));
            String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE carence_test");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/carence_test";
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION postgis");
            }
            return new Endpoint(url, "postgres", "", "throwaway cluster " + dir + " port " + port);
        }

        private static void stop(boolean root, Path data, Path dir) {
            try {
                run(root, List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), dir);
            } catch (Exception e) {
                System.err.println("could not stop the test PostgreSQL cluster in " + dir + ": " + e);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }

        private static void run(boolean root, List<String> command, Path dir) throws IOException, InterruptedException {
            List<String> full = new ArrayList<>();
            if (root) {
                full.addAll(List.of("su", "postgres", "-s", "/bin/bash", "-c", shellJoin(command)));
            } else {
                full.addAll(command);
            }
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(dir.resolve("commands.log").toFile().exists()
                            ? ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())
                            : ProcessBuilder.Redirect.to(dir.resolve("commands.log").toFile()))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException("failed (exit " + p.exitValue() + "): " + command + "\n"
                        + Files.readString(dir.resolve("commands.log")));
            }
        }

        private static String shellJoin(List<String> command) {
            StringBuilder s = new StringBuilder();
            for (String part : command) {
                s.append('\'').append(part.replace("'", "'\\''")).append("' ");
            }
            return s.toString();
        }

        private static boolean isRoot() throws IOException {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }

    /** Opens an administrative connection to the test server. */
    public static Connection connect(Endpoint e) throws SQLException {
        return DriverManager.getConnection(e.jdbcUrl(), e.user(), e.password());
    }
}
