package fr.carence.security;

import java.nio.file.Path;

/**
 * A users, tokens or layer-rules file that cannot be used: the message (French) names the file
 * and, when the fault is in one line, the line number (or the rule). Start-up stops on it
 * ({@link SecurityFileFailureAnalyzer}).
 */
public class SecurityFileException extends RuntimeException {

    public SecurityFileException(Path file, int line, String message) {
        super("Fichier " + file + (line > 0 ? ", ligne " + line : "") + " : " + message);
    }

    public SecurityFileException(Path file, String message, Throwable cause) {
        super("Fichier " + file + " : " + message, cause);
    }
}
