package fr.carence.loaders.admin;

import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.JsonArrayReader;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import fr.carence.loaders.core.FieldError;

/** Reads departements.json or regions.json (code, nom, and region for départements). */
final class TerritoriesJsonReader {

    private TerritoriesJsonReader() {
    }

    static List<Territory> read(Path path, boolean departements, Progress progress) {
        String file = InputFile.displayName(path);
        List<Territory> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonArrayReader.forEach(path, progress, (index, node) -> {
            String code = JsonArrayReader.text(node, "code");
            FieldError error = (field, reason) -> LoadException.atFeature(file, index, code, field, reason);
            EntryChecks.required(code, "code", error);
            String nom = EntryChecks.required(JsonArrayReader.text(node, "nom"), "nom", error);
            String reg = departements ? EntryChecks.required(JsonArrayReader.text(node, "region"), "region", error) : null;
            if (!seen.add(code)) {
                throw error.error("code", "code en double");
            }
            out.add(new Territory(code, nom, reg));
        });
        if (out.isEmpty()) {
            throw LoadException.inFile(file, "fichier sans aucune entrée");
        }
        return out;
    }
}
