package fr.carence.security;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code key=value} lines of a users or tokens file, with their line numbers so every error
 * can name its line. Blank lines and comments ({@code #} or {@code !}) are skipped; a key may
 * appear once. Unlike {@link java.util.Properties}, nothing is silently dropped or merged.
 */
final class AccountFileLines {

    /** Logins: letters, digits and {@code . _ @ -}, as typed in QGIS or curl -u (no ':' for Basic). */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    record Line(int number, String key, String value) {
    }

    private AccountFileLines() {
    }

    static List<Line> read(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SecurityFileException(file, 0, "fichier introuvable.");
        } catch (MalformedInputException e) {
            throw new SecurityFileException(file, 0, "le fichier n'est pas en UTF-8.");
        } catch (IOException e) {
            throw new SecurityFileException(file, "lecture impossible (" + e.getMessage() + ").", e);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i).strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new SecurityFileException(file, i + 1, "ligne attendue de la forme clé=valeur.");
            }
            String key = text.substring(0, eq).strip();
            if (!keys.add(key)) {
                throw new SecurityFileException(file, i + 1, "« " + key + " » figure déjà plus haut dans le fichier.");
            }
            lines.add(new Line(i + 1, key, text.substring(eq + 1).strip()));
        }
        return lines;
    }

    /** Roles after the first comma-separated field: at least one, each a known role. */
    static Set<Role> roles(Path file, Line line, List<String> names) {
        if (names.isEmpty()) {
            throw new SecurityFileException(file, line.number(), "aucun rôle pour « " + line.key()
                    + " » (rôles possibles : " + Role.names() + ").");
        }
        Set<Role> roles = new java.util.LinkedHashSet<>();
        for (String name : names) {
            String n = name.strip();
            if (n.isEmpty()) {
                throw new SecurityFileException(file, line.number(), "rôle vide pour « " + line.key() + " » (virgule en trop ?).");
            }
            roles.add(Role.parse(n).orElseThrow(() -> new SecurityFileException(file, line.number(),
                    "rôle inconnu « " + n + " » (rôles possibles : " + Role.names() + ").")));
        }
        return Set.copyOf(roles);
    }

    static String login(Path file, int lineNumber, String login) {
        if (login.isEmpty()) {
            throw new SecurityFileException(file, lineNumber, "identifiant vide.");
        }
        if (!LOGIN.matcher(login).matches()) {
            throw new SecurityFileException(file, lineNumber, "identifiant « " + login
                    + " » invalide (1 à 64 lettres, chiffres ou . _ @ -).");
        }
        return login;
    }
}
