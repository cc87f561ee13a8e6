package fr.carence.loaders.core;

import java.io.PrintStream;
import java.util.Locale;

/** Prints rows, rows/s and percentage of bytes read, at most once per interval. */
final class TerminalProgress implements Progress {

    private final PrintStream out;
    private final long intervalMillis;
    private String label = "";
    private long totalBytes;
    private long startNanos;
    private long lastPrintNanos;

    TerminalProgress(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void start(String newLabel, long newTotalBytes) {
        label = newLabel;
        totalBytes = newTotalBytes;
        startNanos = System.nanoTime();
        lastPrintNanos = startNanos;
    }

    @Override
    public void update(long rows, long bytesRead) {
        long now = System.nanoTime();
        if ((now - lastPrintNanos) / 1_000_000 < intervalMillis) {
            return;
        }
        lastPrintNanos = now;
        String percent = totalBytes > 0
                ? String.format(Locale.ROOT, " %3d %%", Math.min(100, bytesRead * 100 / totalBytes)) : "";
        out.printf(Locale.ROOT, "%s :%s %,d lignes (%,.0f lignes/s)%n", label, percent, rows, rate(rows, now));
    }

    @Override
    public void done(long rows) {
        long now = System.nanoTime();
        out.printf(Locale.ROOT, "%s : terminé, %,d lignes en %.1f s (%,.0f lignes/s)%n",
                label, rows, (now - startNanos) / 1e9, rate(rows, now));
    }

    private double rate(long rows, long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        return rows / seconds;
    }
}
