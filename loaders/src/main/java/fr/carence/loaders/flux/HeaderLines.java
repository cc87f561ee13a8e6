package fr.carence.loaders.flux;

import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.LoadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first lines of a text file (plain or gzip), read before the real parse to recognise a
 * publisher's layout: which INSEE format, which separator, which ARCEP vintage. Decoding is
 * lenient (column names used for recognition are ASCII); the real parse checks the encoding.
 */
public final class HeaderLines {

    private final List<String> lines;

    private HeaderLines(List<String> lines) {
        this.lines = lines;
    }

    public static HeaderLines read(Path path, int maxLines) {
        List<String> lines = new ArrayList<>();
        try (InputFile in = InputFile.open(path);
             BufferedReader r = new BufferedReader(new InputStreamReader(in.content(),
                     StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                             .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while (lines.size() < maxLines && (line = r.readLine()) != null) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        } catch (IOException e) {
            throw InputFile.unreadable(path, e);
        }
        return new HeaderLines(lines);
    }

    /** 1-based line, or null past the end. */
    public String line(int oneBased) {
        return oneBased <= lines.size() ? lines.get(oneBased - 1) : null;
    }

    /** Column names of a line split on a separator (quotes and spaces stripped), empty past the end. */
    public List<String> columns(int oneBased, char separator) {
        String l = line(oneBased);
        if (l == null) {
            return List.of();
        }
        return Arrays.stream(l.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1))
                .map(s -> s.strip().replace("\"", "")).toList();
    }

    /** ';' or ',' : whichever splits the line into more fields (INSEE uses ';', spreadsheets ','). */
    public char likelySeparator(int oneBased) {
        String l = line(oneBased);
        if (l == null) {
            return ';';
        }
        long semicolons = l.chars().filter(c -> c == ';').count();
        long commas = l.chars().filter(c -> c == ',').count();
        return commas > semicolons ? ',' : ';';
    }
}
