package fr.carence.security;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carence.security.*}: where the accounts live, outside the code and never committed.
 * Neither set: the service is anonymous and read-only.
 *
 * @param usersFile users file (env CARENCE_SECURITY_USERS_FILE), see {@link UsersFile}
 * @param tokensFile API tokens file (env CARENCE_SECURITY_TOKENS_FILE), see {@link ApiTokens}
 */
@ConfigurationProperties("carence.security")
public record AccountFilesProperties(String usersFile, String tokensFile) {

    Optional<Path> users() {
        return path(usersFile);
    }

    Optional<Path> tokens() {
        return path(tokensFile);
    }

    private static Optional<Path> path(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }
}
