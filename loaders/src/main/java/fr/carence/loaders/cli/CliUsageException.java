package fr.carence.loaders.cli;

/** A wrong command line option value, reported like picocli's own usage errors (exit code 2). */
final class CliUsageException extends RuntimeException {
    CliUsageException(String message) {
        super(message);
    }
}
