package fr.carence.loaders.thd;

import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.flux.HeaderLines;
import fr.carence.loaders.thd.ArcepLayout.FileSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs the input files with the sections of an ARCEP layout by their header signature, and
 * picks the layout when the user did not name one (the first built-in layout whose sections
 * all match one file each).
 */
final class LayoutMatcher {

    private LayoutMatcher() {
    }

    /** The layout to use and, for each of its sections, its file. */
    record Match(ArcepLayout layout, Map<FileSection, Path> files) {
    }

    static Match match(List<Path> files, Optional<String> vintage) {
        if (vintage.isPresent()) {
            ArcepLayout layout = ArcepLayout.load(vintage.get());
            return tryMatch(layout, files).orElseThrow(() -> mismatch(layout, files));
        }
        List<ArcepLayout> all = ArcepLayout.builtIn();
        for (ArcepLayout layout : all) {
            Optional<Match> m = tryMatch(layout, files);
            if (m.isPresent()) {
                return m.get();
            }
        }
        if (all.size() == 1) {
            throw mismatch(all.get(0), files);
        }
        throw LoadException.prerequisite("aucun millésime ARCEP connu ne correspond aux fichiers " + names(files)
                + " : précisez-le avec l'option vintage=<nom|fichier.properties> (voir docs/loaders-data.md)");
    }

    private static Optional<Match> tryMatch(ArcepLayout layout, List<Path> files) {
        if (files.size() != layout.files().size()) {
            return Optional.empty();
        }
        Map<FileSection, Path> matched = new LinkedHashMap<>();
        List<Path> left = new ArrayList<>(files);
        for (FileSection section : layout.files()) {
            Path found = null;
            for (Path p : left) {
                HeaderLines head = HeaderLines.read(p, section.headerLine());
                if (section.matches(head.columns(section.headerLine(), section.separator()))) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            left.remove(found);
            matched.put(section, found);
        }
        return Optional.of(new Match(layout, matched));
    }

    /** Names the first section no file matches, with what was expected where. */
    private static LoadException mismatch(ArcepLayout layout, List<Path> files) {
        if (files.size() != layout.files().size()) {
            return LoadException.prerequisite("le millésime ARCEP " + layout.name() + " attend " + layout.files().size()
                    + " fichiers (" + layout.files().stream().map(FileSection::role).toList() + "), reçu " + files.size());
        }
        for (FileSection section : layout.files()) {
            boolean any = false;
            for (Path p : files) {
                any |= section.matches(HeaderLines.read(p, section.headerLine()).columns(section.headerLine(), section.separator()));
            }
            if (!any) {
                Path p = files.get(Math.min(layout.files().indexOf(section), files.size() - 1));
                List<String> header = HeaderLines.read(p, section.headerLine()).columns(section.headerLine(), section.separator());
                String missing = section.signature().stream().filter(c -> !header.contains(c)).findFirst().orElse(null);
                return LoadException.atLine(InputFile.displayName(p), section.headerLine(), missing,
                        "aucun fichier ne correspond au fichier « " + section.role() + " » du millésime " + layout.name()
                        + " (en-tête attendu ligne " + section.headerLine() + ", séparateur « " + section.separator()
                        + " », colonnes " + section.signature() + ")");
            }
        }
        return LoadException.prerequisite("fichiers " + names(files) + " : correspondance ambiguë avec le millésime " + layout.name());
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(InputFile::displayName).toList();
    }
}
