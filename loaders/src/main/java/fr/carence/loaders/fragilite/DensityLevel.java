package fr.carence.loaders.fragilite;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 7 levels of INSEE's communal density grid, from the labels ANCT publishes
 * ("Rural à habitat dispersé") or from INSEE's own numeric code (DENS7 "6").
 */
final class DensityLevel {

    /** Labels by level - 1, as INSEE names them. */
    static final List<String> LABELS = List.of(
            "Grands centres urbains",
            "Centres urbains intermédiaires",
            "Ceintures urbaines",
            "Petites villes",
            "Bourgs ruraux",
            "Rural à habitat dispersé",
            "Rural à habitat très dispersé");

    private DensityLevel() {
    }

    /** Level 1..7, or empty for an unknown label. Case, accents and spacing are ignored. */
    static Optional<Integer> of(String value) {
        String v = value.strip();
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '7') {
            return Optional.of(v.charAt(0) - '0');
        }
        String key = key(v);
        for (int i = 0; i < LABELS.size(); i++) {
            if (key(LABELS.get(i)).equals(key)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String key(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
