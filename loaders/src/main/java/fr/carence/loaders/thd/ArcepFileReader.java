package fr.carence.loaders.thd;

import fr.carence.loaders.core.CsvFile;
import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.CsvSpec;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.NumberStyle;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TextEncoding;
import fr.carence.loaders.thd.ArcepLayout.FileSection;
import fr.carence.loaders.thd.ArcepLayout.Measure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the measures of one ARCEP file, as described by its {@link FileSection}, keyed by the
 * commune code as published (COG of the vintage). Numbers follow ARCEP's office format
 * ("1 460", "-" = none = 0).
 */
final class ArcepFileReader {

    private final Progress progress;
    private final LoadReport report;

    ArcepFileReader(Progress progress, LoadReport report) {
        this.progress = progress;
        this.report = report;
    }

    /** Measures per published code, in file order. */
    Map<String, EnumMap<Measure, Double>> read(Path path, FileSection section) {
        List<String> required = new ArrayList<>();
        required.add(section.codeColumn());
        if (section.isLong()) {
            required.add(section.longKey());
            required.add(section.longValue());
        } else {
            section.measures().values().forEach(required::addAll);
        }
        CsvSpec spec = new CsvSpec(section.separator(), TextEncoding.UTF8_OR_WINDOWS_1252, required,
                NumberStyle.FRENCH, section.headerLine());
        Map<String, EnumMap<Measure, Double>> values = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, Measure> byKey = new HashMap<>();
        section.measures().forEach((m, cols) -> byKey.put(cols.get(0), m));
        long ignored = 0;
        try (CsvFile csv = CsvFile.open(path, spec, progress)) {
            for (CsvRow row : csv) {
                String code = row.required(section.codeColumn());
                EnumMap<Measure, Double> measures = values.computeIfAbsent(code, k -> new EnumMap<>(Measure.class));
                if (section.isLong()) {
                    Measure m = byKey.get(row.get(section.longKey()));
                    if (m == null) {
                        ignored++;
                        continue;
                    }
                    String key = code + "|" + m;
                    checkUnique(row, firstLine, key, section.longKey(), code + " / " + row.get(section.longKey()));
                    measures.put(m, value(row, section.longValue(), m));
                } else {
                    checkUnique(row, firstLine, code, section.codeColumn(), code);
                    section.measures().forEach((m, cols) -> {
                        double sum = 0;
                        for (String col : cols) {
                            sum += value(row, col, m);
                        }
                        measures.put(m, sum);
                    });
                }
            }
            report.addRowsRead(csv.rows());
        }
        if (ignored > 0) {
            report.warning(path.getFileName() + " : " + ignored + " lignes d'un autre champ que "
                    + byKey.keySet() + " ignorées");
        }
        return values;
    }

    private static void checkUnique(CsvRow row, Map<String, Long> firstLine, String key, String column, String what) {
        Long first = firstLine.putIfAbsent(key, row.line());
        if (first != null) {
            throw row.error(column, "« " + what + " » en double (déjà ligne " + first + ")");
        }
    }

    /** Counts and categories are non-negative whole numbers; "-" or empty means 0. */
    private static double value(CsvRow row, String column, Measure m) {
        Long v = row.count(column);
        return v == null ? 0 : v;
    }
}
