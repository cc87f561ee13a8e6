package fr.carence.loaders.thd;

import fr.carence.loaders.core.LoadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The column mapping of one ARCEP vintage, read from a properties file (built in next to this
 * class and listed in {@code layouts.txt}, or given by path): which files, how many title lines,
 * which separator, which columns hold the commune code and each measure, wide or long format.
 * Adding a vintage is configuration only.
 *
 * @param name layout name (file name without extension)
 * @param millesime value of the {@code millesime} attribute (e.g. "2018T1")
 * @param files one section per input file
 */
record ArcepLayout(String name, String millesime, List<FileSection> files) {

    /** What the loader needs per commune; CATEGORIE is optional (recomputed when absent). */
    enum Measure { LOCAUX, RACCORDABLES, CATEGORIE }

    /**
     * How to read one file of the vintage.
     *
     * @param role section name in the properties ("communes", "ftth")
     * @param headerLine 1-based line of the header (title lines above it are skipped)
     * @param separator field separator
     * @param signature columns that identify this file
     * @param codeColumn commune code column
     * @param longKey for long files: the column whose value names the measure of the row, else null
     * @param longValue for long files: the column holding the number (the vintage's quarter), else null
     * @param measures wide files: measure to the '+'-separated columns summed; long files:
     *                 measure to the key value of its rows
     */
    record FileSection(String role, int headerLine, char separator, List<String> signature, String codeColumn,
                       String longKey, String longValue, Map<Measure, List<String>> measures) {

        boolean isLong() {
            return longKey != null;
        }

        /** True when every signature column is in the header. */
        boolean matches(List<String> header) {
            return header.containsAll(signature);
        }
    }

    /** Built-in layouts, in the order of layouts.txt. */
    static List<ArcepLayout> builtIn() {
        List<ArcepLayout> layouts = new ArrayList<>();
        try (InputStream in = ArcepLayout.class.getResourceAsStream("layouts.txt")) {
            if (in == null) {
                throw new IllegalStateException("layouts.txt missing from the classpath");
            }
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    layouts.add(load(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read layouts.txt", e);
        }
        return layouts;
    }

    /** A built-in layout by name ("arcep-2018T1" or just "2018T1") or a properties file path. */
    static ArcepLayout load(String nameOrPath) {
        for (String candidate : List.of(nameOrPath, "arcep-" + nameOrPath)) {
            try (InputStream in = ArcepLayout.class.getResourceAsStream(candidate + ".properties")) {
                if (in != null) {
                    return parse(candidate, new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read layout " + candidate, e);
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw LoadException.prerequisite("millésime ARCEP inconnu « " + nameOrPath + " » : donnez un nom intégré ("
                    + String.join(", ", builtInNames()) + ") ou le chemin d'un fichier de correspondance .properties");
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String file = path.getFileName().toString();
            return parse(file.replaceFirst("\\.properties$", ""), r);
        } catch (IOException e) {
            throw LoadException.inFile(path.getFileName().toString(), "lecture impossible (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> builtInNames() {
        try (InputStream in = ArcepLayout.class.getResourceAsStream("layouts.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArcepLayout parse(String name, Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String file = name + ".properties";
        String millesime = required(p, file, "millesime");
        List<FileSection> sections = new ArrayList<>();
        EnumMap<Measure, String> provider = new EnumMap<>(Measure.class);
        for (String role : split(required(p, file, "files"), ",")) {
            String prefix = role + ".";
            String format = p.getProperty(prefix + "format", "wide").strip();
            if (!format.equals("wide") && !format.equals("long")) {
                throw LoadException.inFile(file, "« " + prefix + "format » doit valoir wide ou long, trouvé « " + format + " »");
            }
            boolean isLong = format.equals("long");
            String sep = p.getProperty(prefix + "separator", ",");
            String separator = sep.equals("\\t") || sep.equals("tab") ? "\t" : sep;
            if (separator.length() != 1) {
                throw LoadException.inFile(file, "« " + prefix + "separator » doit être un seul caractère");
            }
            int headerLine;
            try {
                headerLine = Integer.parseInt(p.getProperty(prefix + "headerLine", "1").strip());
            } catch (NumberFormatException e) {
                throw LoadException.inFile(file, "« " + prefix + "headerLine » doit être un entier");
            }
            Map<Measure, List<String>> measures = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                String v = p.getProperty(prefix + m.name().toLowerCase(java.util.Locale.ROOT));
                if (v != null && !v.isBlank()) {
                    String previous = provider.put(m, role);
                    if (previous != null) {
                        throw LoadException.inFile(file, "la mesure " + m.name().toLowerCase(java.util.Locale.ROOT)
                                + " est décrite dans deux fichiers (" + previous + ", " + role + ")");
                    }
                    measures.put(m, isLong ? List.of(v.strip()) : split(v, "+"));
                }
            }
            sections.add(new FileSection(role, headerLine, separator.charAt(0),
                    split(required(p, file, prefix + "signature"), ","), required(p, file, prefix + "code"),
                    isLong ? required(p, file, prefix + "long.key") : null,
                    isLong ? required(p, file, prefix + "long.value") : null, measures));
        }
        for (Measure m : List.of(Measure.LOCAUX, Measure.RACCORDABLES)) {
            if (!provider.containsKey(m)) {
                throw LoadException.inFile(file, "aucun fichier ne décrit la mesure obligatoire " + m.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new ArcepLayout(name, millesime, List.copyOf(sections));
    }

    private static String required(Properties p, String file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw LoadException.inFile(file, "clé « " + key + " » manquante");
        }
        return v.strip();
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
