package fr.carence.api.chargement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary directory holding one upload's files, deleted with everything in it on
 * {@link #close()} whatever happened (loaded, refused or failed). Its name carries the id of the
 * process that made it ({@code carence-chargement-p<pid>-…}), so that a directory left by a process
 * killed mid-job is recognised and removed at the next start ({@link #sweepOrphans}).
 */
final class StagedUpload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StagedUpload.class);
    private static final String PREFIX = "carence-chargement-";
    /** {@code p<pid>-<random>}; directories of versions before the pid was recorded are {@code <random>} only. */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(?:p(\\d+)-)?-?\\d+");
    /** A directory without a pid is removed only past this age (another process may still use a young one). */
    static final Duration UNOWNED_GRACE = Duration.ofHours(1);

    private final Path dir;
    private final List<Path> loaderFiles = new ArrayList<>();

    private StagedUpload(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory under {@code base} (the system temp dir when null), readable by this user only. */
    static StagedUpload create(Path base) {
        try {
            Path parent = parent(base);
            Files.createDirectories(parent);
            String prefix = PREFIX + "p" + ProcessHandle.current().pid() + "-";
            Path dir = parent.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(parent, prefix,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, prefix);
            return new StagedUpload(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload staging directory", e);
        }
    }

    private static Path parent(Path base) {
        return base != null ? base : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Deletes the staging directories under {@code base} (the system temp dir when null) that no
     * running process owns: their process is gone (killed mid-job, or stopped before deleting
     * them), or, for a directory without a process id, it is older than {@link #UNOWNED_GRACE}.
     * Directories of processes still running (another instance on this machine) are left alone.
     *
     * @return the directories deleted
     */
    static List<Path> sweepOrphans(Path base) {
        Path parent = parent(base);
        List<Path> swept = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return swept;
        }
        Instant unownedBefore = Instant.now().minus(UNOWNED_GRACE);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                Matcher m = NAME.matcher(dir.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean orphan = m.group(1) != null
                        ? ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)
                        : Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(unownedBefore);
                if (orphan) {
                    LOG.info("Dossier de chargement abandonné par un processus arrêté, supprimé : {}", dir);
                    new StagedUpload(dir).close();
                    swept.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Recherche des dossiers de chargement abandonnés impossible dans {} : {}", parent, e.toString());
        }
        return swept;
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
