package fr.carence.analysis;

import java.util.Arrays;
import java.util.Map;

/**
 * Administrative attachment of each commune (indexed like the input's communes) and the units'
 * names, for zones by EPCI or département and for readable zone names.
 *
 * @param epci SIREN of the commune's EPCI, null when unknown
 * @param departement département code, null when unknown
 * @param epciNames SIREN → name (layer {@code epci}), may be empty
 * @param departementNames code → name (layer {@code departements_insee} or {@code departements}), may be empty
 */
public record AdminUnits(String[] epci, String[] departement, Map<String, String> epciNames,
                         Map<String, String> departementNames) {

    public AdminUnits {
        epciNames = Map.copyOf(epciNames);
        departementNames = Map.copyOf(departementNames);
    }

    /** No attachment known (made-up territories, benchmarks reading files). */
    public static AdminUnits none(int communes) {
        String[] empty = new String[communes];
        return new AdminUnits(empty, Arrays.copyOf(empty, communes), Map.of(), Map.of());
    }
}
