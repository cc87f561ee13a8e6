package fr.carence.loaders.flux;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.CsvFile;
import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.CsvSpec;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.NumberStyle;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TextEncoding;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one INSEE commuting file (either format), normalises both commune codes to the current
 * COG and aggregates the weighted commuters into a {@link FlowTable}. Records whose residence or
 * workplace is not a known commune (abroad "99999", a typo, a code absent from the loaded COG)
 * are left out and counted in the report with the weight they carried.
 */
final class FluxFileReader {

    /** INSEE writes weights with '.', some exports with ','; no grouping, no "-". */
    static final NumberStyle WEIGHTS = new NumberStyle(true, false, false);

    private final CommuneCodes codes;
    private final LoadReport report;
    private final Progress progress;
    private double unknownWeight;

    FluxFileReader(CommuneCodes codes, LoadReport report, Progress progress) {
        this.codes = codes;
        this.report = report;
        this.progress = progress;
    }

    /** The aggregated table and its provenance label. */
    record Result(FlowTable table, String source, String vintage, double unknownWeight) {
    }

    /**
     * @param transOption nomenclature name or path for TRANS (detail format only), or null for the default
     * @param yearOption census year when the file name does not say it, or null
     */
    Result read(Path path, String transOption, String yearOption) {
        String name = InputFile.displayName(path);
        HeaderLines head = HeaderLines.read(path, 1);
        char separator = head.likelySeparator(1);
        List<String> header = head.columns(1, separator);
        if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
            throw LoadException.inFile(name, "fichier vide (aucun en-tête)");
        }
        FluxFormat format = FluxFormat.detect(name, header);
        FlowTable table = format == FluxFormat.DETAIL
                ? readDetail(path, separator, modes(name, transOption, yearOption), table())
                : readBase(path, separator, header, table());
        String year = format == FluxFormat.DETAIL
                ? Optional.ofNullable(yearOption).or(() -> FluxFormat.yearFromFileName(name)).orElse(null)
                : FluxFormat.yearOf(FluxFormat.fluxColumn(header).orElseThrow());
        String label = format == FluxFormat.DETAIL ? "FD_MOBPRO" : "base flux de mobilité";
        String source = year == null ? label : label + " " + year;
        if (unknownWeight > 0) {
            report.warning(String.format(java.util.Locale.ROOT,
                    "%.1f actifs pondérés écartés (commune de résidence ou de travail inconnue ou à l'étranger)", unknownWeight));
        }
        return new Result(table, source, year == null ? null : "RP " + year, unknownWeight);
    }

    private static FlowTable table() {
        return new FlowTable();
    }

    private static TransportModes modes(String file, String transOption, String yearOption) {
        if (transOption != null) {
            return TransportModes.load(transOption);
        }
        Optional<String> year = Optional.ofNullable(yearOption).or(() -> FluxFormat.yearFromFileName(file));
        if (year.isPresent() && Integer.parseInt(year.get()) < 2017) {
            throw LoadException.prerequisite(file + " : millésime " + year.get() + " antérieur au RP 2017, dont la variable TRANS"
                    + " (5 postes, « deux roues » non séparés) n'entre pas dans les modes de la couche ; donnez une"
                    + " nomenclature avec l'option trans=<fichier.properties>");
        }
        return TransportModes.load(TransportModes.DEFAULT);
    }

    private FlowTable readDetail(Path path, char separator, TransportModes modes, FlowTable table) {
        CsvSpec spec = CsvSpec.of(separator, TextEncoding.UTF8_OR_WINDOWS_1252,
                List.of(FluxFormat.COMMUNE, FluxFormat.DCLT, FluxFormat.IPONDI, FluxFormat.TRANS), WEIGHTS);
        try (CsvFile csv = CsvFile.open(path, spec, progress)) {
            boolean categories = false;
            boolean first = true;
            for (CsvRow row : csv) {
                if (first) {
                    categories = row.hasColumn(FluxFormat.CS1);
                    first = false;
                }
                String residence = row.required(FluxFormat.COMMUNE);
                String workplace = row.required(FluxFormat.DCLT);
                double weight = weight(row, FluxFormat.IPONDI);
                String trans = row.required(FluxFormat.TRANS);
                String mode = modes.mode(trans).orElseThrow(() -> row.error(FluxFormat.TRANS,
                        "code « " + trans + " » absent de la nomenclature " + modes.name() + " (codes " + modes.codes() + ")"));
                // CS1 first: a bad category stops the load before anything is counted
                int cs1 = categories ? cs1(row) : 0;
                Optional<String> home = add(table, residence, workplace, mode, weight);
                if (cs1 > 0) {
                    // the residents' categories, whatever their workplace (abroad included)
                    home.ifPresent(r -> table.addCategory(r, cs1, weight));
                }
            }
            report.addRowsRead(csv.rows());
        }
        return table;
    }

    private FlowTable readBase(Path path, char separator, List<String> header, FlowTable table) {
        String fluxColumn = FluxFormat.fluxColumn(header).orElseThrow(() -> LoadException.atLine(
                InputFile.displayName(path), 1, "NBFLUX_Caa_ACTOCC15P", "colonne des flux absente de l'en-tête"));
        CsvSpec spec = CsvSpec.of(separator, TextEncoding.UTF8_OR_WINDOWS_1252,
                List.of(FluxFormat.CODGEO, FluxFormat.DCLT, fluxColumn), WEIGHTS);
        Map<String, Long> seen = new HashMap<>();
        try (CsvFile csv = CsvFile.open(path, spec, progress)) {
            for (CsvRow row : csv) {
                String residence = row.required(FluxFormat.CODGEO);
                String workplace = row.required(FluxFormat.DCLT);
                Long first = seen.putIfAbsent(residence + '>' + workplace, row.line());
                if (first != null) {
                    throw row.error(FluxFormat.DCLT, "couple " + residence + " → " + workplace + " en double (déjà ligne " + first + ")");
                }
                add(table, residence, workplace, null, weight(row, fluxColumn));
            }
            report.addRowsRead(csv.rows());
        }
        return table;
    }

    /** CS1 of a detail record: 1–6 (FD_MOBPRO counts employed people only), else an error naming the line. */
    private static int cs1(CsvRow row) {
        String v = row.required(FluxFormat.CS1);
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '6') {
            return v.charAt(0) - '0';
        }
        throw row.error(FluxFormat.CS1, "catégorie socioprofessionnelle « " + v + " » inconnue (attendue : 1 à 6, "
                + "nomenclature CS1 du RP)");
    }

    private static double weight(CsvRow row, String column) {
        Double w = row.nonNegative(column);
        if (w == null) {
            throw row.error(column, "valeur obligatoire manquante");
        }
        return w;
    }

    /** Adds one record's weight to its pair; returns the normalised residence code, if known. */
    private Optional<String> add(FlowTable table, String residence, String workplace, String mode, double weight) {
        Optional<String> r = known(residence);
        Optional<String> w = known(workplace);
        if (r.isEmpty() || w.isEmpty()) {
            unknownWeight += weight;
            return r;
        }
        table.add(r.get(), w.get(), mode, weight);
        return r;
    }

    private Optional<String> known(String raw) {
        Optional<String> code = codes.normalise(raw);
        if (code.isEmpty()) {
            report.unknownCode(raw);
        }
        return code;
    }
}
