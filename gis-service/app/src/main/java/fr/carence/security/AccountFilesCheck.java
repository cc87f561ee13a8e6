package fr.carence.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads the users and tokens files once before any bean is built, so a bad file stops the start
 * with only Spring Boot's short report ({@link AccountFileFailureAnalyzer}) instead of a chain of
 * bean-creation messages. The accounts themselves are loaded by {@link AccountsConfiguration}.
 */
public class AccountFilesCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        AccountFilesProperties files = new AccountFilesProperties(env.getProperty("carence.security.users-file"),
                env.getProperty("carence.security.tokens-file"));
        files.users().ifPresent(UsersFile::read);
        files.tokens().ifPresent(ApiTokens::read);
    }
}
