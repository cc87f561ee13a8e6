package fr.carence.security;

import fr.carence.analysis.store.ResultLayers;
import fr.carence.ogc.catalog.CatalogException;
import fr.carence.ogc.catalog.ColumnSecurityRules;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.catalog.LayerSecurityRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads the security files once before any bean is built, so a bad file stops the start with only
 * Spring Boot's short report ({@link SecurityFileFailureAnalyzer}) instead of a chain of
 * bean-creation messages: the users and tokens files (loaded for real by
 * {@link AccountsConfiguration}) and the catalogue's read rules. These fail closed: the layer rules
 * file must exist, every layer the analysis marks restricted ({@link ResultLayers#RESTRICTED_LAYERS})
 * must have a non-public rule, every restricted column ({@link ResultLayers#RESTRICTED_COLUMNS}) a
 * column rule that opens it to no role outside its declaration (stricter is allowed), and every
 * role named must be Carence's (a misspelt role would hide a layer from everyone). Runs after {@code BundledCatalogue}, which may have set the catalogue directory.
 */
public class SecurityFilesCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        AccountFilesProperties files = new AccountFilesProperties(env.getProperty("carence.security.users-file"),
                env.getProperty("carence.security.tokens-file"));
        files.users().ifPresent(UsersFile::read);
        files.tokens().ifPresent(ApiTokens::read);
        checkCatalogueRules(Path.of(env.getProperty("carence.catalog.dir", "geoserver-data")),
                Path.of(env.getProperty("carence.styles.dir", "sld-styles")));
    }

    static void checkCatalogueRules(Path catalogDir, Path stylesDir) {
        Path layersFile = catalogDir.resolve("security").resolve("layers.properties");
        Path columnsFile = catalogDir.resolve("security").resolve("columns.properties");
        if (!Files.isRegularFile(layersFile)) {
            throw new SecurityFileException(layersFile, 0, "fichier introuvable : sans règles de lecture, les couches "
                    + "réservées (" + String.join(", ", ResultLayers.RESTRICTED_LAYERS) + ") seraient publiques.");
        }
        LayerSecurityRules layers = read(layersFile, () -> LayerSecurityRules.read(layersFile));
        ColumnSecurityRules columns = read(columnsFile, () -> ColumnSecurityRules.read(columnsFile));
        for (Map.Entry<String, Set<String>> rule : layers.readRules().entrySet()) {
            checkRoles(layersFile, rule.getKey() + ".r", rule.getValue());
        }
        for (ColumnSecurityRules.Rule rule : columns.rules()) {
            checkRoles(columnsFile, rule.key(), rule.roles());
        }
        String workspace;
        try {
            workspace = GeoServerCatalog.read(catalogDir, stylesDir).workspace();
        } catch (CatalogException e) {
            return; // the catalogue bean reports a broken catalogue with its own message
        }
        for (String layer : ResultLayers.RESTRICTED_LAYERS) {
            if (layers.readRoles(workspace, layer).isEmpty()) {
                throw new SecurityFileException(layersFile, 0, "la couche « " + layer + " » est réservée par l'analyse "
                        + "(sites candidats, intentions d'un AMII) mais aucune règle ne la protège : ajoutez par exemple "
                        + workspace + "." + layer + ".r=" + (layer.equals(ResultLayers.SITES) ? "FUNDER,ADMIN" : "PLANNER,FUNDER,ADMIN") + ".");
            }
        }
        for (Map.Entry<String, Map<String, Set<String>>> table : ResultLayers.RESTRICTED_COLUMNS.entrySet()) {
            for (Map.Entry<String, Set<String>> column : table.getValue().entrySet()) {
                checkColumnRule(columnsFile, columns, workspace, table.getKey(), column.getKey(), column.getValue());
            }
        }
    }

    /**
     * A restricted column must be kept from anonymous callers, and no role outside its declaration
     * may read it (ADMIN counted with the roles it implies); a stricter rule is allowed.
     */
    private static void checkColumnRule(Path columnsFile, ColumnSecurityRules columns, String workspace, String table,
                                        String column, Set<String> declared) {
        String name = table + "." + column;
        String example = workspace + "." + name + ".r=" + String.join(",", declared);
        if (!columns.restricted(workspace, table, column)) {
            throw new SecurityFileException(columnsFile, 0, (Files.isRegularFile(columnsFile) ? "" : "fichier introuvable ; ")
                    + "la colonne « " + name + " » est réservée par l'analyse (dérivée des "
                    + "sites candidats, intentions d'un AMII, ou auteur d'un scénario) mais aucune règle ne la protège : ajoutez par exemple "
                    + example + ".");
        }
        for (Role role : Role.values()) {
            if (!declared.contains(role.name()) && columns.readable(workspace, table, column, reachable(role))) {
                throw new SecurityFileException(columnsFile, 0, "la colonne « " + name + " » est déclarée lisible par "
                        + String.join(", ", declared) + " seulement, mais les règles la laissent lire au rôle " + role.name()
                        + " (règles qui la visent : " + String.join(", ", columns.matching(workspace, table, column).stream()
                                .map(r -> r.key() + "=" + String.join(",", r.roles())).toList())
                        + ") : une règle peut restreindre une colonne davantage, jamais l'ouvrir ; écrivez par exemple "
                        + example + ".");
            }
        }
    }

    /** The role and those it implies (ADMIN reads what FUNDER and PLANNER read), as the callers' roles are computed. */
    static Set<String> reachable(Role role) {
        return SecurityConfiguration.roleHierarchy()
                .getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority(role.authority()))).stream()
                .map(a -> Role.fromAuthority(a.getAuthority())).flatMap(java.util.Optional::stream).map(Role::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static <T> T read(Path file, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (CatalogException e) {
            throw new SecurityFileException(file, "règles de lecture illisibles (" + e.getMessage() + ").", e);
        }
    }

    private static void checkRoles(Path file, String rule, Set<String> roles) {
        for (String role : roles) {
            if (!role.equals("*") && Role.parse(role).isEmpty()) {
                throw new SecurityFileException(file, 0, "la règle " + rule + " nomme le rôle inconnu « "
                        + role + " » (rôles possibles : " + Role.names() + ", ou * pour tous).");
            }
        }
    }
}
