package fr.carence.api.chargement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * The bytes one upload may expand to, shared by all its files: every staged byte (plain file,
 * zip entry, gzip content) is counted, and a stream whose expanded/compressed ratio exceeds the
 * limit is stopped at once, so a zip or gzip bomb is refused after about a mebibyte of output
 * instead of filling the disk. Not thread-safe (one load at a time).
 */
final class ExpansionBudget {

    /** Small files may compress very well (a header-only CSV): ratios are only judged past this size. */
    static final long RATIO_GRACE_BYTES = 1024L * 1024L;

    private final long maxTotalBytes;
    private final int maxRatio;
    private long used;

    ExpansionBudget(long maxTotalBytes, int maxRatio) {
        this.maxTotalBytes = maxTotalBytes;
        this.maxRatio = maxRatio;
    }

    /**
     * Copies {@code expanded} to a new file {@code target}.
     *
     * @param compressedRead compressed bytes consumed so far for this stream (the expanded count itself for plain files)
     * @param name           the file as named in messages
     */
    long copy(InputStream expanded, Path target, LongSupplier compressedRead, String name) throws IOException {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            return count(expanded, out, compressedRead, name);
        }
    }

    /** Reads {@code expanded} to its end, counting it, without writing it anywhere (gzip files). */
    long drain(InputStream expanded, LongSupplier compressedRead, String name) throws IOException {
        return count(expanded, OutputStream.nullOutputStream(), compressedRead, name);
    }

    private long count(InputStream in, OutputStream out, LongSupplier compressedRead, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            used += n;
            if (used > maxTotalBytes) {
                throw UploadRejectedException.tooLarge(name, "une fois décompressé, le téléversement dépasse "
                        + (maxTotalBytes >> 20) + " Mo (carence.chargements.max-uncompressed-megabytes)");
            }
            long compressed = Math.max(1, compressedRead.getAsLong());
            if (written > RATIO_GRACE_BYTES && written / compressed > maxRatio) {
                throw UploadRejectedException.tooLarge(name, "taux de compression anormal (plus de " + maxRatio
                        + " pour 1, carence.chargements.max-compression-ratio) : archive piégée (« zip bomb ») refusée");
            }
            out.write(buffer, 0, n);
        }
        return written;
    }
}
