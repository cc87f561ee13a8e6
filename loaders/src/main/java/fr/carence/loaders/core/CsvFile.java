package fr.carence.loaders.core;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file (plain or gzip) row by row with commons-csv, checking what publishers'
 * files get wrong: wrong separator, non-UTF-8 text, a UTF-8 byte-order mark, missing or
 * duplicated columns, truncated last line (missing fields or unterminated quote).
 * Every problem is a {@link LoadException} naming the file, the line and, when relevant, the column.
 */
public final class CsvFile implements Iterable<CsvRow>, AutoCloseable {

    private static final char[] SEPARATORS = {';', ',', '\t', '|'};

    private final String name;
    private final InputFile input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final CsvSpec spec;
    private final Progress progress;
    private final long lineOffset;
    private final Charset charset;
    private long rows;
    private CsvRow lookahead;

    private CsvFile(Path path, CsvSpec spec, Progress progress) throws IOException {
        this.name = InputFile.displayName(path);
        this.spec = spec;
        this.progress = progress;
        this.charset = EncodingDetector.detect(path, spec.encoding());
        this.input = InputFile.open(path);
        boolean ok = false;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(input.content(), charset), 1 << 16);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (int i = 1; i < spec.headerLine(); i++) {
                if (reader.readLine() == null) {
                    throw LoadException.inFile(name, "fichier vide (aucun en-tête à la ligne " + spec.headerLine() + ")");
                }
            }
            this.lineOffset = spec.headerLine() - 1L;
            CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180)
                    .setDelimiter(spec.separator())
                    // Empty lines come back as one blank field and are skipped in readRow, so that the
                    // line counted before each record is where that record really starts.
                    .setIgnoreEmptyLines(false)
                    .get();
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            this.records = parser.iterator();
            this.header = readHeader();
            this.index = indexHeader();
            progress.start(name, input.size());
            ok = true;
        } finally {
            if (!ok) {
                input.close();
            }
        }
    }

    /** Opens a CSV file and checks its header against the spec. */
    public static CsvFile open(Path path, CsvSpec spec, Progress progress) {
        try {
            return new CsvFile(path, spec, progress);
        } catch (IOException | UncheckedIOException e) {
            throw LoadException.inFile(InputFile.displayName(path), "lecture impossible (" + e.getMessage() + ")", e);
        }
    }

    public String name() {
        return name;
    }

    public List<String> header() {
        return header;
    }

    /** The charset the file was decoded with (UTF-8 or Windows-1252). */
    public Charset charset() {
        return charset;
    }

    /** Data rows read so far. */
    public long rows() {
        return rows;
    }

    @Override
    public Iterator<CsvRow> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (lookahead == null) {
                    lookahead = readRow();
                }
                return lookahead != null;
            }

            @Override
            public CsvRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRow r = lookahead;
                lookahead = null;
                return r;
            }
        };
    }

    @Override
    public void close() {
        progress.done(rows);
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            input.close();
        }
    }

    private CsvRow readRow() {
        long startLine = parser.getCurrentLineNumber() + 1 + lineOffset;
        CSVRecord rec = nextRecord(startLine);
        if (rec == null) {
            return null;
        }
        if (rec.size() != header.size()) {
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                return readRow(); // an empty line or a line of spaces only
            }
            throw LoadException.atLine(name, startLine, null, rec.size() + " champs au lieu de " + header.size()
                    + " : ligne tronquée ou mal formée (séparateur « " + printable(spec.separator()) + " »)");
        }
        rows++;
        progress.update(rows, input.bytesRead());
        return new CsvRow(name, startLine, index, rec.toList(), spec.numbers());
    }

    private CSVRecord nextRecord(long startLine) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof EOFException) {
                throw LoadException.inFile(name, "fichier compressé tronqué (fin inattendue après la ligne " + (startLine - 1) + ")", e);
            }
            String msg = String.valueOf(cause.getMessage());
            if (msg.contains("EOF reached before encapsulated token finished")) {
                throw LoadException.atLine(name, startLine, null, "guillemet ouvert jamais refermé : fichier tronqué ?");
            }
            throw LoadException.atLine(name, startLine, null, "ligne illisible (" + msg + ")");
        }
    }

    private List<String> readHeader() {
        CSVRecord rec = nextRecord(spec.headerLine());
        if (rec == null) {
            throw LoadException.inFile(name, "fichier vide (aucun en-tête)");
        }
        List<String> names = new ArrayList<>(rec.size());
        for (String s : rec) {
            names.add(s.strip());
        }
        if (names.size() == 1) {
            for (char other : SEPARATORS) {
                if (other != spec.separator() && names.get(0).indexOf(other) >= 0) {
                    throw LoadException.atLine(name, spec.headerLine(), null, "séparateur « " + printable(other)
                            + " » trouvé là où « " + printable(spec.separator()) + " » est attendu");
                }
            }
        }
        return Collections.unmodifiableList(names);
    }

    private Map<String, Integer> indexHeader() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (map.putIfAbsent(header.get(i), i) != null) {
                throw LoadException.atLine(name, spec.headerLine(), header.get(i), "colonne présente deux fois dans l'en-tête");
            }
        }
        for (String required : spec.requiredColumns()) {
            if (!map.containsKey(required)) {
                throw LoadException.atLine(name, spec.headerLine(), required,
                        "colonne obligatoire absente de l'en-tête (colonnes trouvées : " + String.join(", ", header) + ")");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static String printable(char c) {
        return c == '\t' ? "tabulation" : String.valueOf(c);
    }
}
