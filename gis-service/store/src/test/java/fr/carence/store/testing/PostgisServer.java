package fr.carence.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostGIS server the tests run against, found once per JVM in this order:
 * <ol>
 *   <li>a Testcontainers {@code postgis/postgis:15-3.4} container when Docker is available;</li>
 *   <li>an external server from {@code CARENCE_TEST_POSTGIS_URL} (+ {@code _USER}, {@code _PASSWORD});</li>
 *   <li>a throwaway {@link PostgisCluster} started from the Debian binaries in {@code /usr/lib/postgresql/15/bin}
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
        if (PostgisCluster.installed()) {
            PostgisCluster cluster = PostgisCluster.create();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-postgis-cluster"));
            return cluster.endpoint();
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

    /** Opens an administrative connection to the test server. */
    public static Connection connect(Endpoint e) throws SQLException {
        return DriverManager.getConnection(e.jdbcUrl(), e.user(), e.password());
    }
}
