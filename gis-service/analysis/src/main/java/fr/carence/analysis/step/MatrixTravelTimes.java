package fr.carence.analysis.step;

import fr.carence.analysis.model.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Road travel times supplied by the user as CSV lines {@code origin,destination,minutes}
 * (INSEE codes, optional header, ',' or ';'), looked up in both directions; pairs not in the
 * matrix fall back to another estimate. Within a commune (same code) the fallback is used too.
 */
public final class MatrixTravelTimes implements TravelTimes {
    private final Map<String, Double> minutes;
    private final TravelTimes fallback;

    public MatrixTravelTimes(Map<String, Double> minutesByPair, TravelTimes fallback) {
        this.minutes = Map.copyOf(minutesByPair);
        this.fallback = fallback;
    }

    /** Reads the CSV; a bad line is reported with the file, line number and field. */
    public static MatrixTravelTimes read(Path file, TravelTimes fallback) {
        Map<String, Double> m = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String t = line.strip();
                if (t.isEmpty() || (no == 1 && t.toLowerCase().startsWith("orig"))) {
                    continue;
                }
                String[] f = t.split("[,;]");
                if (f.length != 3) {
                    throw new IllegalArgumentException(file.getFileName() + " ligne " + no
                            + " : 3 champs attendus (origine, destination, minutes), " + f.length + " trouvés");
                }
                double v;
                try {
                    v = Double.parseDouble(f[2].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file.getFileName() + " ligne " + no + ", champ minutes : '"
                            + f[2].strip() + "' n'est pas un nombre");
                }
                if (!(v >= 0)) {
                    throw new IllegalArgumentException(file.getFileName() + " ligne " + no
                            + ", champ minutes : valeur négative " + v);
                }
                m.put(key(f[0].strip(), f[1].strip()), v);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("matrice de temps illisible : " + file.getFileName() + " (" + e.getMessage() + ")");
        }
        return new MatrixTravelTimes(m, fallback);
    }

    public int size() {
        return minutes.size();
    }

    @Override
    public double minutes(Place from, Place to) {
        Double v = minutes.get(key(from.code(), to.code()));
        if (v == null) {
            v = minutes.get(key(to.code(), from.code()));
        }
        return v != null ? v : fallback.minutes(from, to);
    }

    private static String key(String a, String b) {
        return a + '>' + b;
    }
}
