package fr.carence.security;

import fr.carence.ogc.catalog.CatalogException;
import fr.carence.ogc.catalog.LayerSecurityRules;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads the security files once before any bean is built, so a bad file stops the start with only
 * Spring Boot's short report ({@link SecurityFileFailureAnalyzer}) instead of a chain of
 * bean-creation messages: the users and tokens files (loaded for real by
 * {@link AccountsConfiguration}) and the layer read rules, whose role names must be Carence's
 * (a misspelt role would silently hide a layer from everyone).
 */
public class SecurityFilesCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        AccountFilesProperties files = new AccountFilesProperties(env.getProperty("carence.security.users-file"),
                env.getProperty("carence.security.tokens-file"));
        files.users().ifPresent(UsersFile::read);
        files.tokens().ifPresent(ApiTokens::read);
        checkLayerRules(Path.of(env.getProperty("carence.catalog.dir", "geoserver-data"), "security", "layers.properties"));
    }

    static void checkLayerRules(Path file) {
        LayerSecurityRules rules;
        try {
            rules = LayerSecurityRules.read(file);
        } catch (CatalogException e) {
            throw new SecurityFileException(file, "règles de lecture des couches illisibles (" + e.getMessage() + ").", e);
        }
        for (Map.Entry<String, Set<String>> rule : rules.readRules().entrySet()) {
            for (String role : rule.getValue()) {
                if (!role.equals("*") && Role.parse(role).isEmpty()) {
                    throw new SecurityFileException(file, 0, "la règle " + rule.getKey() + ".r nomme le rôle inconnu « "
                            + role + " » (rôles possibles : " + Role.names() + ", ou * pour tous).");
                }
            }
        }
    }
}
