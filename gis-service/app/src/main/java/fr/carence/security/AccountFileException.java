package fr.carence.security;

import java.nio.file.Path;

/**
 * A users or tokens file that cannot be used: the message (French) names the file and, when the
 * fault is in one line, the line number. Start-up stops on it ({@link AccountFileFailureAnalyzer}).
 */
public class AccountFileException extends RuntimeException {

    public AccountFileException(Path file, int line, String message) {
        super("Fichier " + file + (line > 0 ? ", ligne " + line : "") + " : " + message);
    }

    public AccountFileException(Path file, String message, Throwable cause) {
        super("Fichier " + file + " : " + message, cause);
    }
}
