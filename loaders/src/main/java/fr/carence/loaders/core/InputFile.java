package fr.carence.loaders.core;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An input file opened for streaming: gzip is detected from its magic bytes (not only the
 * ".gz" suffix) and decompressed transparently; the raw bytes read are counted for progress.
 */
public final class InputFile implements AutoCloseable {

    private final Path path;
    private final long size;
    private final CountingInputStream counter;
    private final InputStream content;

    private InputFile(Path path, long size, CountingInputStream counter, InputStream content) {
        this.path = path;
        this.size = size;
        this.counter = counter;
        this.content = content;
    }

    public static InputFile open(Path path) {
        String name = displayName(path);
        if (!Files.isRegularFile(path)) {
            throw LoadException.inFile(name, "fichier introuvable");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw LoadException.inFile(name, "fichier vide");
            }
            CountingInputStream counter = new CountingInputStream(Files.newInputStream(path));
            BufferedInputStream buffered = new BufferedInputStream(counter, 1 << 16);
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            InputStream content = b1 == 0x1f && b2 == 0x8b
                    ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
            return new InputFile(path, size, counter, content);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /**
     * The error for a file that cannot be read, naming it: "fichier introuvable" when it does not
     * exist (or vanished), else "lecture impossible (cause)". Every reader of an input file uses it.
     */
    public static LoadException unreadable(Path path, IOException e) {
        return e instanceof NoSuchFileException
                ? LoadException.inFile(displayName(path), "fichier introuvable")
                : LoadException.inFile(displayName(path), "lecture impossible (" + e.getMessage() + ")", e);
    }

    /** The file name as shown in messages (the name only: full paths are noise for users). */
    public static String displayName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public Path path() {
        return path;
    }

    public String name() {
        return displayName(path);
    }

    /** Size on disk, for the progress percentage. */
    public long size() {
        return size;
    }

    /** Raw bytes read so far. */
    public long bytesRead() {
        return counter.count();
    }

    /** The decompressed content. */
    public InputStream content() {
        return content;
    }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
