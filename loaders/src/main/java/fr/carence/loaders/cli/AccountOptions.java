package fr.carence.loaders.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --login} and {@code --roles} of the account commands, checked as the service checks its
 * users and tokens files (docs/security.md), so a printed line is always accepted.
 */
final class AccountOptions {

    /** The service's roles (fr.carence.security.Role in the application). */
    static final List<String> ROLES = List.of("PLANNER", "ADMIN", "FUNDER");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Option(names = "--login", required = true, description = "Identifiant (lettres, chiffres, . _ @ -).")
    String login;

    @Option(names = "--roles", required = true, split = ",",
            description = "Rôles séparés par des virgules : PLANNER (scénarios), FUNDER (couches réservées), ADMIN (tout).")
    List<String> roles;

    String login() {
        if (!LOGIN.matcher(login).matches()) {
            throw new CliUsageException("--login « " + login + " » invalide : 1 à 64 lettres, chiffres ou . _ @ -.");
        }
        return login;
    }

    /** "PLANNER,FUNDER": upper-cased, known, each once. */
    String roles() {
        Set<String> out = new LinkedHashSet<>();
        for (String r : roles) {
            String role = r.strip().toUpperCase(Locale.ROOT);
            if (!ROLES.contains(role)) {
                throw new CliUsageException("--roles : rôle inconnu « " + r.strip() + " » (rôles possibles : "
                        + String.join(", ", ROLES) + ").");
            }
            out.add(role);
        }
        return String.join(",", new ArrayList<>(out));
    }
}
