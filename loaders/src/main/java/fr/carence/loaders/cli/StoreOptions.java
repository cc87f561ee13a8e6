package fr.carence.loaders.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The store options shared by the commands that write (with environment defaults). */
public final class StoreOptions {

    @Option(names = "--store", defaultValue = "${env:CARENCE_STORE:-h2gis}",
            description = "Magasin : h2gis (embarqué, défaut) ou postgis (env. CARENCE_STORE).")
    String kind;

    @Option(names = "--data-dir", defaultValue = "${env:CARENCE_DATA_DIR:-./data}",
            description = "Répertoire de la base H2GIS (défaut ./data, env. CARENCE_DATA_DIR).")
    Path dataDir;

    @Option(names = "--jdbc-url", defaultValue = "${env:CARENCE_JDBC_URL}",
            description = "URL JDBC PostGIS, ex. jdbc:postgresql://localhost:5432/carence (env. CARENCE_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "${env:CARENCE_DB_USER}", description = "Utilisateur PostGIS (env. CARENCE_DB_USER).")
    String user;

    @Option(names = "--password", defaultValue = "${env:CARENCE_DB_PASSWORD}", description = "Mot de passe PostGIS (env. CARENCE_DB_PASSWORD).")
    String password;

    @Option(names = "--retained-versions", defaultValue = "${env:CARENCE_RETAINED_VERSIONS:-3}",
            description = "Versions antérieures d'une couche chargée : les N publications les plus récentes sont gardées "
                    + "(défaut 3, env. CARENCE_RETAINED_VERSIONS ; celles lues par un scénario enregistré le sont toujours).")
    int retainedVersions;

    @Option(names = "--retained-days", defaultValue = "${env:CARENCE_RETAINED_DAYS:-30}",
            description = "… et toute version remplacée depuis moins de N jours (défaut 30, env. CARENCE_RETAINED_DAYS).")
    int retainedDays;

    StoreSettings settings() {
        String k = kind == null ? "h2gis" : kind.strip().toLowerCase(java.util.Locale.ROOT);
        if (!k.equals("h2gis") && !k.equals("postgis")) {
            throw new CliUsageException("--store : « " + kind + " » inconnu (h2gis ou postgis)");
        }
        if (k.equals("postgis") && (jdbcUrl == null || jdbcUrl.isBlank())) {
            throw new CliUsageException("--store postgis demande --jdbc-url (ou la variable CARENCE_JDBC_URL)");
        }
        if (retainedVersions < 1 || retainedDays < 0) {
            throw new CliUsageException("--retained-versions : au moins 1 (la version courante) ; --retained-days : 0 ou plus");
        }
        return new StoreSettings(k, dataDir, jdbcUrl, user, password, retainedVersions, retainedDays);
    }
}
