package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.CsvFile;
import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.CsvSpec;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.NumberStyle;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.loaders.core.TextEncoding;
import fr.carence.store.Feature;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Common reading of a per-commune zoning published as CSV by ANCT (UTF-8, BOM allowed,
 * comma-separated): one row per commune, a code column and one or more value columns turned
 * into attributes by {@link #attributes}. Codes are normalised to the current COG.
 *
 * <p>Rules: a code twice in the file is an error; unknown codes are reported and left out; two
 * published codes that now form one commune (a merger since the file's COG) give one row whose
 * values are those of the absorbing commune (published code = current code), else of the first
 * row, and the merger is listed in the report.
 */
abstract class CommuneZoningLoader implements DatasetLoader {

    private final String key;
    private final String description;
    private final LayerSchema schema;
    private final String codeColumn;
    private final List<String> valueColumns;
    private final String vintage;

    /**
     * @param key dataset key (e.g. "fragilite-densite")
     * @param description French description for {@code carence datasets}
     * @param schema the layer written
     * @param codeColumn the published code column
     * @param valueColumns columns besides the code that must be in the header
     * @param vintage label recorded in the layer registry, e.g. "COG 2026"
     */
    CommuneZoningLoader(String key, String description, LayerSchema schema, String codeColumn,
                        List<String> valueColumns, String vintage) {
        this.key = key;
        this.description = description;
        this.schema = schema;
        this.codeColumn = codeColumn;
        this.valueColumns = List.copyOf(valueColumns);
        this.vintage = vintage;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String description() {
        return description;
    }

    final String codeColumn() {
        return codeColumn;
    }

    final List<String> valueColumns() {
        return valueColumns;
    }

    final LayerSchema schema() {
        return schema;
    }

    final String vintage() {
        return vintage;
    }

    /**
     * The attributes of one row except {@code code}, in schema order. Bad values throw
     * {@code row.error(column, reason)}.
     */
    abstract Map<String, Object> attributes(CsvRow row);

    /**
     * The column identifying a row of the file (a value twice is an error): the code column by
     * default; a file that may list one commune twice names its own row id.
     */
    String rowKeyColumn() {
        return codeColumn();
    }

    /**
     * A row whose code cell is empty: an error, unless the loader reports such rows and returns
     * normally to skip them.
     */
    void emptyCode(CsvRow row, LoadReport report) {
        throw row.error(codeColumn(), "valeur obligatoire manquante");
    }

    /**
     * A code that is not a commune of the loaded COG (nor an older code of one): reported and left
     * out by default; a loader whose file must match the COG exactly throws {@code row.error}.
     */
    void unknownCode(CsvRow row, String raw, LoadReport report) {
        report.unknownCode(raw);
    }

    /** The publisher's field separator. */
    char separator() {
        return ',';
    }

    /**
     * The header names that must be present. A publisher whose list comes in several shapes
     * returns fewer and checks the header in {@link #codeColumn(List, String)}.
     */
    List<String> requiredColumns() {
        List<String> required = new ArrayList<>();
        required.add(codeColumn());
        if (!rowKeyColumn().equals(codeColumn())) {
            required.add(rowKeyColumn());
        }
        required.addAll(valueColumns());
        return required;
    }

    /** The code column of one file, once its header is read. */
    String codeColumn(List<String> header, String file) {
        return codeColumn();
    }

    @Override
    public List<String> dependsOn() {
        return List.of("admin");
    }

    @Override
    public List<String> layers() {
        return List.of(schema().name());
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.CSV);
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        if (files.size() != 1) {
            throw LoadException.prerequisite("le jeu « " + key() + " » attend un seul fichier, reçu " + files.size());
        }
        Path file = files.get(0);
        LoadReport report = new LoadReport(key());
        Map<String, Map<String, Object>> rows = read(file, ctx.communeCodes(), ctx, report);
        LayerInfo.Source source = ctx.source(key(), InputFile.displayName(file), vintage());
        try (StagedLayers staged = new StagedLayers(ctx.store(), source)) {
            LayerWriter writer = staged.writer(schema());
            rows.forEach((code, props) -> writer.write(new Feature(code, null, props)));
            staged.commitAll(report);
        }
        return report;
    }

    /** Features by current code, validated. */
    Map<String, Map<String, Object>> read(Path file, CommuneCodes codes, LoadContext ctx, LoadReport report) {
        CsvSpec spec = CsvSpec.of(separator(), TextEncoding.UTF8_ONLY, requiredColumns(), NumberStyle.PLAIN);
        Map<String, Map<String, Object>> byCode = new TreeMap<>();
        Map<String, String> publishedCodeOf = new HashMap<>();
        Map<String, Long> lineOfKey = new HashMap<>();
        try (CsvFile csv = CsvFile.open(file, spec, ctx.progress())) {
            String codeColumn = codeColumn(csv.header(), csv.name());
            String rowKeyColumn = rowKeyColumn().equals(codeColumn()) ? codeColumn : rowKeyColumn();
            for (CsvRow row : csv) {
                String rowKey = row.required(rowKeyColumn);
                Long first = lineOfKey.putIfAbsent(rowKey, row.line());
                if (first != null) {
                    throw row.error(rowKeyColumn, "« " + rowKey + " » en double (déjà ligne " + first + ")");
                }
                String raw = row.get(codeColumn);
                if (raw.isEmpty()) {
                    emptyCode(row, report);
                    continue;
                }
                Map<String, Object> attrs = attributes(row);
                Optional<String> current = codes.normalise(raw);
                if (current.isEmpty()) {
                    unknownCode(row, raw, report);
                    continue;
                }
                String code = current.get();
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("code", code);
                props.putAll(attrs);
                String previous = publishedCodeOf.get(code);
                if (previous == null) {
                    byCode.put(code, props);
                    publishedCodeOf.put(code, raw);
                } else {
                    boolean takeNew = raw.equals(code) && !previous.equals(code); // the absorbing commune's own row wins
                    report.duplicate(code + " (communes publiées " + previous + " et " + raw + " fusionnées, valeurs de "
                            + (takeNew ? raw : previous) + (props.equals(byCode.get(code)) ? "" : " ; valeurs différentes") + ")");
                    if (takeNew) {
                        byCode.put(code, props);
                        publishedCodeOf.put(code, raw);
                    }
                }
            }
            report.addRowsRead(csv.rows());
        }
        if (byCode.isEmpty()) {
            throw LoadException.inFile(InputFile.displayName(file), "aucune commune lue");
        }
        return byCode;
    }
}
