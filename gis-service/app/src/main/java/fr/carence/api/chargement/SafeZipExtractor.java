package fr.carence.api.chargement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Unpacks an uploaded zip into a staging directory, refusing what could write outside it or
 * exhaust the machine: entries with "..", absolute or drive paths, symbolic links, archives
 * inside the archive, more than the allowed number of entries, and expansion beyond the
 * {@link ExpansionBudget}. The central directory is read with Commons Compress, which exposes
 * the Unix mode (symbolic links) that {@code java.util.zip} hides.
 */
final class SafeZipExtractor {

    /** Archive formats refused inside a zip: one level of archive only. */
    private static final Set<String> ARCHIVE_EXTENSIONS = Set.of(".zip", ".7z", ".rar", ".tar", ".tgz", ".bz2", ".xz", ".jar");

    private final int maxEntries;

    SafeZipExtractor(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * Extracts every file entry of {@code zip} under {@code targetDir}, keeping its folders.
     *
     * @param zipName the archive's name as uploaded, for messages ("archive.zip/entrée")
     * @return the extracted files, in the archive's order
     */
    List<Path> extract(Path zip, String zipName, Path targetDir, ExpansionBudget budget) throws IOException {
        ZipFile zf;
        try {
            zf = ZipFile.builder().setPath(zip).get();
        } catch (IOException e) {
            throw UploadRejectedException.badArchive(zipName, "archive zip illisible ou tronquée");
        }
        try (zf) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntriesInPhysicalOrder());
            if (entries.size() > maxEntries) {
                throw UploadRejectedException.badArchive(zipName, entries.size() + " entrées, au plus " + maxEntries
                        + " acceptées (carence.chargements.max-archive-entries)");
            }
            Path root = targetDir.toAbsolutePath().normalize();
            List<Path> extracted = new ArrayList<>();
            for (ZipArchiveEntry entry : entries) {
                String entryName = zipName + "/" + UploadNames.printable(entry.getName());
                String relative = checkedRelativePath(entry, entryName);
                if (relative == null) {
                    continue;
                }
                Path target = root.resolve(relative).normalize();
                if (!target.startsWith(root) || target.equals(root)) { // the checks above make this unreachable; kept as the last guard
                    throw UploadRejectedException.badArchive(entryName, "chemin hors du dossier de l'archive");
                }
                if (Files.exists(target)) {
                    throw UploadRejectedException.badArchive(entryName, "fichier en double dans le téléversement");
                }
                if (!zf.canReadEntryData(entry)) {
                    throw UploadRejectedException.badArchive(entryName, "entrée chiffrée ou méthode de compression non gérée");
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zf.getInputStream(entry)) {
                    budget.copy(in, target, compressedCount(in, entry), entryName);
                }
                extracted.add(target);
            }
            return extracted;
        }
    }

    /** The entry's path relative to the archive root, null for entries skipped (folders, macOS metadata). */
    private static String checkedRelativePath(ZipArchiveEntry entry, String entryName) {
        if (entry.isUnixSymlink()) {
            throw UploadRejectedException.badArchive(entryName, "lien symbolique refusé");
        }
        String name = entry.getName().replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw UploadRejectedException.badArchive(entryName, "chemin absolu refusé");
        }
        List<String> segments = new ArrayList<>(List.of(name.split("/")));
        if (segments.contains("..")) {
            throw UploadRejectedException.badArchive(entryName, "chemin remontant (« .. ») refusé");
        }
        if (segments.get(0).equals("__MACOSX") || segments.get(segments.size() - 1).equals(".DS_Store")) {
            return null; // metadata added by the macOS archiver, never data
        }
        segments.removeIf(s -> s.isEmpty() || s.equals("."));
        if (entry.isDirectory() || segments.isEmpty()) {
            return null;
        }
        for (String segment : segments) {
            if (!UploadNames.isPlain(segment)) {
                throw UploadRejectedException.badArchive(entryName, "nom d'entrée refusé (lettres, chiffres, espace et . _ - ( ) + uniquement)");
            }
        }
        String fileName = segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
        int dot = fileName.lastIndexOf('.');
        if (dot >= 0 && ARCHIVE_EXTENSIONS.contains(fileName.substring(dot))) {
            throw UploadRejectedException.badArchive(entryName, "archive dans l'archive refusée : envoyer ses fichiers directement");
        }
        return String.join("/", segments);
    }

    /** Compressed bytes consumed so far: exact for deflated entries, the declared size otherwise. */
    private static LongSupplier compressedCount(InputStream in, ZipArchiveEntry entry) {
        if (in instanceof InputStreamStatistics stats) {
            return stats::getCompressedCount;
        }
        long declared = entry.getCompressedSize();
        return () -> declared > 0 ? declared : Long.MAX_VALUE; // unknown size: only the total budget applies
    }
}
