package fr.carence.store.testing;

import java.io.File;
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

/**
 * A throwaway PostgreSQL 15 + PostGIS cluster from the Debian binaries ({@code postgresql-15-postgis-3}),
 * in its own temp directory and on a free loopback port, that a test can stop and start again
 * (same port, same data) to play a database going away. As root the cluster belongs to the
 * Debian {@code postgres} user, since initdb refuses root.
 */
public final class PostgisCluster implements AutoCloseable {

    static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Path POSTGIS_CONTROL = Path.of("/usr/share/postgresql/15/extension/postgis.control");
    private static final String DATABASE = "carence_test";

    /** How {@link #stop} shuts the server down (pg_ctl {@code -m}). */
    public enum StopMode {
        /** Sessions are terminated cleanly (SQLState 57P01), then the server stops. */
        FAST,
        /** Like a crash: the server quits at once and recovers from its WAL at the next start. */
        IMMEDIATE
    }

    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean root;
    private boolean running;

    private PostgisCluster(Path dir, int port, boolean root) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** True when the Debian server binaries and the PostGIS extension are installed. */
    public static boolean installed() {
        return Files.isExecutable(PG_BIN.resolve("initdb")) && Files.exists(POSTGIS_CONTROL);
    }

    /** Why {@link #create()} cannot work here. */
    public static String notInstalledReason() {
        return "no local PostgreSQL 15 + PostGIS (apt-get install postgresql-15-postgis-3): " + PG_BIN + " or "
                + POSTGIS_CONTROL + " is missing";
    }

    /**
     * A new cluster, or: in CI ({@code CI=true}) a failure, since these tests must never be
     * skipped silently there; elsewhere a loud skip saying what to install.
     */
    public static PostgisCluster createForTest() throws IOException, InterruptedException, SQLException {
        if (!installed()) {
            if (StoreTestSupport.isCi()) {
                throw new IllegalStateException("CI=true but " + notInstalledReason());
            }
            System.err.println("*** SKIPPING test needing a local PostgreSQL cluster: " + notInstalledReason());
            org.junit.jupiter.api.Assumptions.abort(notInstalledReason());
        }
        return create();
    }

    /** Initialises, starts and prepares a new cluster (database {@code carence_test} with postgis). */
    public static PostgisCluster create() throws IOException, InterruptedException, SQLException {
        Path dir = Files.createTempDirectory("carence-pg-");
        boolean root = isRoot();
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        PostgisCluster cluster = new PostgisCluster(dir, freePort(), root);
        cluster.run(List.of(PG_BIN.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"));
        cluster.start();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.port + "/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = cluster.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        }
        return cluster;
    }

    public PostgisServer.Endpoint endpoint() {
        return new PostgisServer.Endpoint(jdbcUrl(), "postgres", "", "throwaway cluster " + dir + " port " + port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** Administrative connection (superuser, no password: trust authentication on loopback). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        // Durability settings off: a test cluster is thrown away anyway.
        run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("pg.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"));
        running = true;
    }

    /** Stops the server and waits until it is down; its port then refuses connections. */
    public synchronized void stop(StopMode mode) throws IOException, InterruptedException {
        run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode.name().toLowerCase(), "-w", "stop"));
        running = false;
    }

    public synchronized boolean running() {
        return running;
    }

    /** Stops the server if it runs and deletes its directory. */
    @Override
    public synchronized void close() {
        if (running) {
            try {
                stop(StopMode.IMMEDIATE);
            } catch (Exception e) {
                System.err.println("could not stop the test PostgreSQL cluster in " + dir + ": " + e);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("su", "postgres", "-s", "/bin/bash", "-c", shellJoin(command)));
        } else {
            full.addAll(command);
        }
        File log = dir.resolve("commands.log").toFile();
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (exit " + p.exitValue() + "): " + command + "\n" + Files.readString(log.toPath()));
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
