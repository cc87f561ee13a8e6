package fr.carence.api.chargement;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the uploaded parts into files a loader can read: copies each into a private
 * {@link StagedUpload}, unpacks zips safely, and checks every resulting file's kind (against
 * what the loader reads) and content (against its extension), all within one
 * {@link ExpansionBudget}. Anything refused throws {@link UploadRejectedException} after the
 * staging directory has been deleted.
 */
final class UploadStager {

    private final ChargementProperties limits;
    private final SafeZipExtractor zips;

    UploadStager(ChargementProperties limits) {
        this.limits = limits;
        this.zips = new SafeZipExtractor(limits.maxArchiveEntries());
    }

    StagedUpload stage(DatasetLoader loader, List<? extends UploadPart> parts) {
        if (parts.isEmpty()) {
            throw UploadRejectedException.badRequest("fichier_manquant", null,
                    "aucun fichier reçu : envoyer un ou plusieurs fichiers dans la partie multipart « fichiers »");
        }
        long total = parts.stream().mapToLong(UploadPart::size).sum();
        if (total > limits.maxBytes()) { // normally refused earlier by the multipart limits, which share this setting
            throw UploadRejectedException.tooLarge(null, "le téléversement dépasse la limite de " + limits.maxMegabytes()
                    + " Mo (carence.chargements.max-megabytes)");
        }
        Path base = limits.tempDir().isBlank() ? null : Path.of(limits.tempDir());
        StagedUpload staged = StagedUpload.create(base);
        try {
            ExpansionBudget budget = new ExpansionBudget(limits.maxUncompressedBytes(), limits.maxCompressionRatio());
            Set<String> names = new HashSet<>();
            for (UploadPart part : parts) {
                String name = UploadNames.uploadedName(part.originalName());
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw UploadRejectedException.badRequest("fichier_en_double", name, "fichier envoyé deux fois");
                }
                Path target = staged.dir().resolve(name);
                try (InputStream in = part.open()) {
                    budget.copy(in, target, () -> Long.MAX_VALUE, name);
                }
                if (InputKind.extensionOf(name).equals(".zip") && !name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                    Path unpacked = Files.createDirectory(staged.dir().resolve(".zip-" + names.size()));
                    List<Path> entries = zips.extract(target, name, unpacked, budget);
                    Files.delete(target);
                    for (Path entry : entries) {
                        accept(loader, staged, entry, name + "/" + unpacked.relativize(entry), budget);
                    }
                } else {
                    accept(loader, staged, target, name, budget);
                }
            }
            requireShapefileCompanionsHaveTheirShp(staged);
            if (staged.loaderFiles().isEmpty()) {
                throw UploadRejectedException.badType(null, "aucun fichier de données parmi les fichiers reçus (attendu : "
                        + accepted(loader) + ")");
            }
            return staged;
        } catch (IOException e) {
            staged.close();
            throw new UncheckedIOException("upload staging failed", e);
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    private static void accept(DatasetLoader loader, StagedUpload staged, Path file, String name, ExpansionBudget budget)
            throws IOException {
        boolean readByLoader = InputKind.of(name).map(loader.inputKinds()::contains).orElse(false);
        if (!readByLoader) {
            throw UploadRejectedException.badType(name, "type de fichier non accepté par le jeu « " + loader.key()
                    + " » (attendu : " + accepted(loader) + ", éventuellement en .gz ou dans un .zip)");
        }
        FileContentCheck.check(file, name, budget);
        if (InputKind.isPrimary(name)) {
            staged.addLoaderFile(file);
        }
    }

    /** A .dbf or .prj alone would be silently ignored by the loader: say so instead. */
    private static void requireShapefileCompanionsHaveTheirShp(StagedUpload staged) throws IOException {
        Set<Path> shpBases = staged.loaderFiles().stream()
                .filter(p -> InputKind.extensionOf(p.getFileName().toString()).equals(".shp"))
                .map(UploadStager::withoutExtension).collect(Collectors.toSet());
        try (var files = Files.walk(staged.dir())) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                if (InputKind.of(name).isPresent() && !InputKind.isPrimary(name) && !shpBases.contains(withoutExtension(p))) {
                    throw UploadRejectedException.badType(name, "fichier annexe de Shapefile sans son fichier .shp");
                }
            }
        }
    }

    private static Path withoutExtension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return p.resolveSibling(n.substring(0, n.lastIndexOf('.')));
    }

    static String accepted(DatasetLoader loader) {
        return loader.inputKinds().stream().map(InputKind::label).collect(Collectors.joining(" ; "));
    }
}
