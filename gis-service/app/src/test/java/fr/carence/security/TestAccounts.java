package fr.carence.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Made-up accounts for tests: writes a users file ({bcrypt} hashes) and a tokens file (SHA-256
 * digests) into a temporary directory, once per JVM, and points {@code carence.security.users-file}
 * and {@code carence.security.tokens-file} at them. Use from a {@code @DynamicPropertySource}:
 * {@code TestAccounts.register(registry)}.
 */
public final class TestAccounts {

    /** A login and its password. */
    public record Account(String login, String password) {

        /** The {@code Authorization} header value for HTTP Basic. */
        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final Account PLANNER = new Account("planif", "planif-mdp");
    public static final Account ADMIN = new Account("admin", "admin-mdp");
    public static final Account FUNDER = new Account("financeur", "financeur-mdp");

    public static final String PLANNER_TOKEN = "fixture-jeton-planif-5b0c1e7a9d3f4a6b8c2e";
    public static final String ADMIN_TOKEN = "fixture-jeton-admin-2f9a6c4e8b1d3f5a7c9e";
    public static final String FUNDER_TOKEN = "fixture-jeton-financeur-7d3b5f9a1c6e8a2b4d0f";

    private static Path dir;

    private TestAccounts() {
    }

    /** Registers the two file properties (the files are written on first use). */
    public static void register(DynamicPropertyRegistry registry) {
        Path d = files();
        registry.add("carence.security.users-file", () -> d.resolve("users.properties").toString());
        registry.add("carence.security.tokens-file", () -> d.resolve("tokens.properties").toString());
    }

    /** The {@code Authorization} header value for an API token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The directory holding users.properties and tokens.properties. */
    public static synchronized Path files() {
        if (dir != null) {
            return dir;
        }
        try {
            Path d = Files.createTempDirectory("carence-test-accounts-");
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            Files.writeString(d.resolve("users.properties"), String.join("\n",
                    "# fixture accounts written by TestAccounts",
                    PLANNER.login() + "={bcrypt}" + bcrypt.encode(PLANNER.password()) + ",PLANNER",
                    ADMIN.login() + "={bcrypt}" + bcrypt.encode(ADMIN.password()) + ",ADMIN",
                    FUNDER.login() + "={bcrypt}" + bcrypt.encode(FUNDER.password()) + ",FUNDER", ""), StandardCharsets.UTF_8);
            Files.writeString(d.resolve("tokens.properties"), String.join("\n",
                    "# fixture API tokens written by TestAccounts",
                    ApiTokens.digest(PLANNER_TOKEN) + "=" + PLANNER.login() + ",PLANNER",
                    ApiTokens.digest(ADMIN_TOKEN) + "=" + ADMIN.login() + ",ADMIN",
                    ApiTokens.digest(FUNDER_TOKEN) + "=" + FUNDER.login() + ",FUNDER", ""), StandardCharsets.UTF_8);
            // Deleted at exit in reverse order of registration: the files, then the directory.
            d.toFile().deleteOnExit();
            d.resolve("users.properties").toFile().deleteOnExit();
            d.resolve("tokens.properties").toFile().deleteOnExit();
            dir = d;
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
