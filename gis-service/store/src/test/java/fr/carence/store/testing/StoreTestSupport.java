package fr.carence.store.testing;

import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.JdbcFeatureStore;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.jdbc.VersionRetention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens fresh stores for tests. Most tests use {@link BothStores} instead; these methods are for
 * tests that need their own store (e.g. to reopen it).
 */
public final class StoreTestSupport {

    private StoreTestSupport() {
    }

    /** A fresh store of the given kind; for PostGIS, fails or skips as {@link #requirePostgis()} says. */
    public static TestStore open(StoreKind kind) {
        return kind == StoreKind.H2GIS ? openH2gis() : openPostgis();
    }

    /** An H2GIS store in a new temporary directory, deleted on close. */
    public static TestStore openH2gis() {
        try {
            Path dir = Files.createTempDirectory("carence-h2gis-");
            return new TestStore(openH2gis(dir), () -> deleteRecursively(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh store of the given kind that keeps loaded layers' earlier versions as {@code retention} says. */
    public static TestStore open(StoreKind kind, VersionRetention retention) {
        if (kind == StoreKind.H2GIS) {
            try {
                Path dir = Files.createTempDirectory("carence-h2gis-");
                return new TestStore((JdbcFeatureStore) FeatureStores.open(StoreConfig.h2gis(dir).withRetention(retention)),
                        () -> deleteRecursively(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String schema = createPostgisSchema();
        JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(postgisConfig(schema).withRetention(retention));
        return new TestStore(store, () -> dropPostgisSchema(schema));
    }

    /** An H2GIS store in the given directory (kept on close: reopen it to test persistence). */
    public static JdbcFeatureStore openH2gis(Path dir) {
        return (JdbcFeatureStore) FeatureStores.open(StoreConfig.h2gis(dir));
    }

    /** A PostGIS store in a new schema of the test server, dropped on close. */
    public static TestStore openPostgis() {
        String schema = createPostgisSchema();
        JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(postgisConfig(schema));
        return new TestStore(store, () -> dropPostgisSchema(schema));
    }

    /** Reopens (or opens) the PostGIS store living in the given schema of the test server. */
    public static JdbcFeatureStore openPostgis(String schema) {
        return (JdbcFeatureStore) FeatureStores.open(postgisConfig(requirePostgis(), schema));
    }

    /** The configuration of a store in the given schema of the test server (to open it elsewhere, e.g. a child JVM). */
    public static StoreConfig postgisConfig(String schema) {
        return postgisConfig(requirePostgis(), schema);
    }

    /** Creates an empty schema on the test server and returns its name; the caller drops it with {@link #dropPostgisSchema}. */
    public static String createPostgisSchema() {
        PostgisServer.Endpoint server = requirePostgis();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropPostgisSchema(String schema) {
        execute(requirePostgis(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static StoreConfig postgisConfig(PostgisServer.Endpoint server, String schema) {
        String url = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        return StoreConfig.postgis(url, server.user(), server.password()).withMaxPoolSize(8);
    }

    /**
     * The PostGIS server, or: in CI ({@code CI=true}) a failure, since PostGIS tests must never
     * be skipped silently there; elsewhere a loud skip explaining how to enable them.
     */
    public static PostgisServer.Endpoint requirePostgis() {
        Optional<PostgisServer.Endpoint> endpoint = PostgisServer.endpoint();
        if (endpoint.isPresent()) {
            return endpoint.get();
        }
        String message = PostgisServer.unavailableReason() + ". To run the PostGIS tests: install Docker, or set "
                + PostgisServer.ENV_URL + " (+ _USER, _PASSWORD) to a database with PostGIS, or install the "
                + "Debian package postgresql-15-postgis-3.";
        if (isCi()) {
            throw new IllegalStateException("CI=true but PostGIS is unavailable — " + message);
        }
        System.err.println("*** SKIPPING PostGIS tests: " + message);
        Assumptions.abort(message);
        return null;
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Both kinds, for {@code @ParameterizedTest @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")}. */
    public static Stream<StoreKind> kinds() {
        return Stream.of(StoreKind.values());
    }

    private static void execute(PostgisServer.Endpoint server, String sql) {
        try (Connection c = PostgisServer.connect(server); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostGIS (" + server.origin() + "): " + sql + " failed", e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
