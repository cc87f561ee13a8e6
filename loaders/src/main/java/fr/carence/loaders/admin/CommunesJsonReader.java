package fr.carence.loaders.admin;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.loaders.core.JsonArrayReader;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads communes.json of @etalab/decoupage-administratif (an array of objects). */
final class CommunesJsonReader {

    private CommunesJsonReader() {
    }

    static List<AdminEntry> read(Path path, Progress progress) {
        String file = fr.carence.loaders.core.InputFile.displayName(path);
        List<AdminEntry> entries = new ArrayList<>();
        JsonArrayReader.forEach(path, progress, (index, node) -> {
            String id = JsonArrayReader.text(node, "code");
            entries.add(EntryChecks.entry(new JsonFields(node),
                    (field, reason) -> LoadException.atFeature(file, index, id, field, reason)));
        });
        if (entries.isEmpty()) {
            throw LoadException.inFile(file, "aucune commune dans le fichier");
        }
        return entries;
    }

    private record JsonFields(JsonNode node) implements EntryChecks.Fields {
        @Override
        public String get(String jsonName) {
            return JsonArrayReader.text(node, jsonName);
        }

        @Override
        public List<String> list(String jsonName) {
            JsonNode arr = node.get(jsonName);
            List<String> out = new ArrayList<>();
            if (arr != null && arr.isArray()) {
                arr.forEach(n -> out.add(n.asText()));
            }
            return out;
        }

        @Override
        public String name(String jsonName) {
            return jsonName;
        }
    }
}
