package fr.carence.loaders.admin;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.loaders.core.FieldError;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.JsonArrayReader;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads epci.json (DGCL EPCI à fiscalité propre with their members). */
final class EpciJsonReader {

    private static final Pattern SIREN = Pattern.compile("\\d{9}");

    private EpciJsonReader() {
    }

    static List<Epci> read(Path path, Progress progress) {
        String file = InputFile.displayName(path);
        List<Epci> out = new ArrayList<>();
        JsonArrayReader.forEach(path, progress, (index, node) -> {
            String code = JsonArrayReader.text(node, "code");
            FieldError error =
                    (field, reason) -> LoadException.atFeature(file, index, code, field, reason);
            EntryChecks.required(code, "code", error);
            if (!SIREN.matcher(code).matches()) {
                throw error.error("code", "SIREN à 9 chiffres attendu, trouvé « " + code + " »");
            }
            String nom = EntryChecks.required(JsonArrayReader.text(node, "nom"), "nom", error);
            String type = EntryChecks.required(JsonArrayReader.text(node, "type"), "type", error);
            Integer population = EntryChecks.population(JsonArrayReader.text(node, "populationMunicipale"),
                    "populationMunicipale", error);
            JsonNode membres = node.get("membres");
            if (membres == null || !membres.isArray() || membres.isEmpty()) {
                throw error.error("membres", "liste des communes membres absente ou vide");
            }
            List<String> members = new ArrayList<>();
            for (JsonNode m : membres) {
                members.add(EntryChecks.communeCode(JsonArrayReader.text(m, "code"), "membres.code", error, true));
            }
            out.add(new Epci(code, nom, type, population, List.copyOf(members), error));
        });
        if (out.isEmpty()) {
            throw LoadException.inFile(file, "aucun EPCI dans le fichier");
        }
        return out;
    }
}
