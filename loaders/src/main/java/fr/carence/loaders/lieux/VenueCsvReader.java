package fr.carence.loaders.lieux;

import fr.carence.loaders.core.CsvFile;
import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.CsvSpec;
import fr.carence.loaders.core.NumberStyle;
import fr.carence.loaders.core.Placement;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TextEncoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads venues from a CSV file with lon/lat columns (WGS 84). Column names are options
 * ({@code col.nom}, {@code col.lon}, …) whose defaults fit the 2016 Occitanie list; optional
 * columns absent from the header are simply not used.
 */
final class VenueCsvReader {

    /** Option key (without "col.") to default column name. */
    static final Map<String, String> DEFAULT_COLUMNS = Map.of(
            "nom", "nom",
            "lon", "lon_approx",
            "lat", "lat_approx",
            "adresse", "adresse",
            "code_postal", "code_postal",
            "ville", "ville_source",
            "code_commune", "code_insee_commune",
            "type", "type",
            "capacite", "capacite",
            "precision", "geocodage");

    private final Map<String, String> options;

    VenueCsvReader(Map<String, String> options) {
        this.options = options;
    }

    private String col(String key) {
        return options.getOrDefault("col." + key, DEFAULT_COLUMNS.get(key));
    }

    /** @return rows read */
    long read(Path path, Progress progress, Consumer<VenueRecord> sink) {
        char separator = options.getOrDefault("separateur", ",").charAt(0);
        List<String> required = new ArrayList<>(List.of(col("nom"), col("lon"), col("lat")));
        NumberStyle numbers = Placement.csvCoordinates(separator);
        try (CsvFile csv = CsvFile.open(path, CsvSpec.of(separator, TextEncoding.UTF8_ONLY, required, numbers), progress)) {
            for (CsvRow row : csv) {
                sink.accept(record(row));
            }
            return csv.rows();
        }
    }

    private VenueRecord record(CsvRow row) {
        String nom = row.required(col("nom"));
        Double lon = row.decimal(col("lon"));
        Double lat = row.decimal(col("lat"));
        if (lon == null) {
            throw row.error(col("lon"), "valeur obligatoire manquante");
        }
        if (lat == null) {
            throw row.error(col("lat"), "valeur obligatoire manquante");
        }
        Long capacite = row.hasColumn(col("capacite")) ? row.count(col("capacite")) : null;
        if (capacite != null && capacite > Integer.MAX_VALUE) {
            throw row.error(col("capacite"), "capacité invraisemblable (" + capacite + ")");
        }
        return new VenueRecord(nom, optional(row, "type"), address(row), optional(row, "code_commune"),
                capacite == null ? null : capacite.intValue(), precision(optional(row, "precision")),
                lon, lat, 4326, "ligne " + row.line(), row::error);
    }

    /** "31 Bis Cours du Jeu du Mail, 09500 Mirepoix" from the address, postcode and town columns. */
    private String address(CsvRow row) {
        String street = optional(row, "adresse");
        String town = String.join(" ", java.util.stream.Stream.of(optional(row, "code_postal"), optional(row, "ville"))
                .filter(java.util.Objects::nonNull).toList());
        if (street == null) {
            return town.isEmpty() ? null : town;
        }
        return town.isEmpty() ? street : street + ", " + town;
    }

    /** "centroide-commune (nom+dep)" -> "centroide-commune": the method, without the matching detail. */
    static String precision(String value) {
        return value == null ? null : value.replaceFirst("\\s*\\(.*\\)\\s*$", "");
    }

    private String optional(CsvRow row, String key) {
        String column = col(key);
        return row.hasColumn(column) ? row.optional(column) : null;
    }
}
