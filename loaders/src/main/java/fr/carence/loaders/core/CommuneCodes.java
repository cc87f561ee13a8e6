package fr.carence.loaders.core;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises any commune code found in a source file to the current COG code: current codes map
 * to themselves, former codes (mergers, communes déléguées/associées, arrondissements
 * municipaux) follow {@code codes_communes_historique}, chains included (A merged into B, B into
 * C gives C). Codes stay strings; numeric codes that lost their leading zero ("1001") are padded.
 * Immutable and thread-safe.
 */
public final class CommuneCodes {

    public static final String COMMUNES_LAYER = "communes_insee";
    public static final String HISTORY_LAYER = "codes_communes_historique";

    private static final Pattern SHAPE = Pattern.compile("(\\d{5}|2[AB]\\d{3})");
    private static final int MAX_CHAIN = 16;

    private final Set<String> current;
    private final Map<String, String> history;

    private CommuneCodes(Set<String> current, Map<String, String> history) {
        this.current = Set.copyOf(current);
        this.history = Map.copyOf(history);
    }

    /**
     * @param current codes of the current communes (commune-actuelle)
     * @param history former code to the code it was absorbed into (which may itself be former)
     */
    public static CommuneCodes of(Set<String> current, Map<String, String> history) {
        return new CommuneCodes(current, history);
    }

    /** Reads the two reference layers written by the "admin" loader. */
    public static CommuneCodes fromStore(FeatureStore store) {
        for (String layer : List.of(COMMUNES_LAYER, HISTORY_LAYER)) {
            if (store.schema(layer).isEmpty()) {
                throw LoadException.prerequisite("la couche de référence « " + layer + " » est absente du magasin : "
                        + "chargez d'abord le jeu « admin » (carence load admin communes.json.gz …)");
            }
        }
        Set<String> current = new HashSet<>();
        try (FeatureCursor c = store.query(COMMUNES_LAYER, FeatureQuery.all().withoutGeometry().withProperties(List.of("code")))) {
            while (c.hasNext()) {
                current.add(c.next().id());
            }
        }
        Map<String, String> history = new HashMap<>();
        try (FeatureCursor c = store.query(HISTORY_LAYER, FeatureQuery.all().withoutGeometry())) {
            while (c.hasNext()) {
                Feature f = c.next();
                history.put(f.id(), (String) f.get("code_actuel"));
            }
        }
        return new CommuneCodes(current, history);
    }

    /**
     * The current code for a raw code from a file, or empty when the code is unknown (callers
     * count it in their {@link LoadReport#unknownCode}).
     */
    public Optional<String> normalise(String raw) {
        String code = canonical(raw);
        if (code == null) {
            return Optional.empty();
        }
        for (int i = 0; i < MAX_CHAIN; i++) {
            if (current.contains(code)) {
                return Optional.of(code);
            }
            code = history.get(code);
            if (code == null) {
                return Optional.empty();
            }
        }
        return Optional.empty(); // a cycle in the history table: treat as unknown rather than loop
    }

    public boolean isCurrent(String code) {
        return current.contains(code);
    }

    /** Number of current communes. */
    public int currentCount() {
        return current.size();
    }

    /**
     * Trims, upper-cases (2a004 -> 2A004) and left-pads numeric codes to 5 digits ("1001" ->
     * "01001", as spreadsheets and number-typed columns often lose the zero). Returns null when
     * the result does not look like an INSEE commune code.
     */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.endsWith(".0")) { // numeric column exported as a float
            s = s.substring(0, s.length() - 2);
        }
        if (s.length() == 4 && s.chars().allMatch(Character::isDigit)) {
            s = "0" + s;
        }
        return SHAPE.matcher(s).matches() ? s : null;
    }
}
