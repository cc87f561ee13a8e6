package fr.carence.api.chargement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary directory holding one upload's files, deleted with everything in it on
 * {@link #close()} whatever happened (loaded, refused or failed).
 */
final class StagedUpload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StagedUpload.class);

    private final Path dir;
    private final List<Path> loaderFiles = new ArrayList<>();

    private StagedUpload(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory under {@code base} (the system temp dir when null), readable by this user only. */
    static StagedUpload create(Path base) {
        try {
            Path parent = base != null ? Files.createDirectories(base) : Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = parent.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(parent, "carence-chargement-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, "carence-chargement-");
            return new StagedUpload(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload staging directory", e);
        }
    }

    Path dir() {
        return dir;
    }

    void addLoaderFile(Path file) {
        loaderFiles.add(file);
    }

    /** The files to hand to the loader (Shapefile companions sit beside their .shp, not listed). */
    List<Path> loaderFiles() {
        return List.copyOf(loaderFiles);
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Dossier temporaire de chargement non supprimé : {} ({})", dir, e.toString());
        }
    }
}
