package fr.carence.loaders.admin;

import fr.carence.loaders.core.CsvFile;
import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.CsvSpec;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.NumberStyle;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TextEncoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the flattened CSV form of the communes list ({@code code,nom,type,zone,dep,reg,
 * arrondissement,epci,population,codes_postaux,chef_lieu,anciens_codes,siren}); lists are
 * ';'-separated inside their cell. The parent of an arrondissement municipal is in chef_lieu.
 */
final class CommunesCsvReader {

    static final List<String> COLUMNS = List.of("code", "nom", "type", "dep", "reg", "population", "chef_lieu");
    private static final Map<String, String> CSV_NAMES = Map.of(
            "departement", "dep", "region", "reg", "chefLieu", "chef_lieu", "commune", "chef_lieu",
            "anciensCodes", "anciens_codes");

    private CommunesCsvReader() {
    }

    static List<AdminEntry> read(Path path, Progress progress) {
        CsvSpec spec = CsvSpec.of(',', TextEncoding.UTF8_OR_WINDOWS_1252, COLUMNS, NumberStyle.PLAIN);
        List<AdminEntry> entries = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(path, spec, progress)) {
            for (CsvRow row : csv) {
                entries.add(EntryChecks.entry(new CsvFields(row), (field, reason) -> row.error(field, reason)));
            }
            if (entries.isEmpty()) {
                throw LoadException.inFile(csv.name(), "aucune commune dans le fichier (en-tête seul)");
            }
        }
        return entries;
    }

    private record CsvFields(CsvRow row) implements EntryChecks.Fields {
        @Override
        public String get(String jsonName) {
            String column = name(jsonName);
            return row.hasColumn(column) ? row.optional(column) : null;
        }

        @Override
        public List<String> list(String jsonName) {
            String v = get(jsonName);
            return v == null ? List.of() : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        @Override
        public String name(String jsonName) {
            return CSV_NAMES.getOrDefault(jsonName, jsonName);
        }
    }
}
