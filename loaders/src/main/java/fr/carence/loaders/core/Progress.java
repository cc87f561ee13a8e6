package fr.carence.loaders.core;

/**
 * Receives load progress. Loaders call {@link #update} often (every row is fine): the terminal
 * implementation throttles its own output.
 */
public interface Progress {

    /** A new file (or phase) starts; {@code totalBytes} <= 0 when unknown. */
    void start(String label, long totalBytes);

    /** Rows processed so far in the current file and bytes read from it (compressed bytes for .gz). */
    void update(long rows, long bytesRead);

    /** The current file (or phase) is finished. */
    void done(long rows);

    /** For tests and embedded loads (the app's first start logs the report instead). */
    static Progress silent() {
        return SilentProgress.INSTANCE;
    }

    /** Prints on standard error at most about once a second. */
    static Progress terminal() {
        return new TerminalProgress(System.err, 1_000);
    }
}
