package fr.carence.loaders.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password: typed twice without echo on a terminal, or one line of standard input
 * when there is none (a pipe from a password manager, a script). Never from the command line,
 * where it would land in the shell history and the process list.
 */
final class PasswordInput {

    static final int MIN_LENGTH = 12;

    private final Console console;
    private final InputStream in;
    private final PrintStream err;

    PasswordInput(Console console, InputStream in, PrintStream err) {
        this.console = console;
        this.in = in;
        this.err = err;
    }

    String read(String login) {
        String password;
        if (console != null) {
            char[] first = console.readPassword("Mot de passe de « %s » (%d caractères au moins) : ", login, MIN_LENGTH);
            char[] again = console.readPassword("Le même, pour confirmer : ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new CliUsageException("les deux saisies du mot de passe diffèrent.");
            }
            password = new String(first);
            Arrays.fill(first, ' ');
            Arrays.fill(again, ' ');
        } else {
            err.println("Mot de passe de « " + login + " » lu sur l'entrée standard (une ligne).");
            try {
                password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (password == null) {
                throw new CliUsageException("aucun mot de passe sur l'entrée standard.");
            }
        }
        if (password.length() < MIN_LENGTH) {
            throw new CliUsageException("mot de passe trop court : " + MIN_LENGTH + " caractères au moins.");
        }
        return password;
    }
}
