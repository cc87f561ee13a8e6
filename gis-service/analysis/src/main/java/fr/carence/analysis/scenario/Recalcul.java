package fr.carence.analysis.scenario;

import fr.carence.analysis.store.InputVersion;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A scenario recomputed on exactly the input versions it recorded, compared with what it published.
 *
 * @param scenario scenario id
 * @param identique every published feature and column found again, equal
 * @param entitesComparees features compared over the result layers
 * @param nbDifferences differing values (and missing or extra features)
 * @param colonnesDifferentes every layer with a difference, and its differing columns ("geom" for a
 *                            geometry, "(entité)" for a feature found on one side only); empty when identical
 * @param differences the first {@link #LISTED} of them
 * @param provenance the input versions read (those recorded by the run)
 * @param versionMethodeOrigine code version of the published run
 * @param versionMethodeRecalcul code version of this recomputation (results may differ when it changed)
 */
public record Recalcul(String scenario, boolean identique, int entitesComparees, int nbDifferences,
                       Map<String, List<String>> colonnesDifferentes, List<Difference> differences, List<InputVersion> provenance, String versionMethodeOrigine,
                       String versionMethodeRecalcul) {

    public static final int LISTED = 20;

    /**
     * As a caller sees it: differences in a column {@code readable} refuses (e.g. one derived from
     * the candidate sites) are left out of the list and of {@code colonnesDifferentes}, and counted
     * only in {@code nbDifferences} and {@code identique}, so what they hold never shows.
     */
    public Recalcul readableBy(BiPredicate<String, String> readable) {
        Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        colonnesDifferentes.forEach((layer, cols) -> {
            List<String> kept = cols.stream().filter(c -> readable.test(layer, c)).toList();
            if (!kept.isEmpty()) {
                columns.put(layer, kept);
            }
        });
        List<Difference> listed = differences.stream().filter(d -> readable.test(d.couche(), d.colonne())).toList();
        return new Recalcul(scenario, identique, entitesComparees, nbDifferences, columns, listed, provenance,
                versionMethodeOrigine, versionMethodeRecalcul);
    }

    /**
     * One differing value; {@code colonne} "geom" for a geometry, "(entité)" for a feature found on one side only.
     */
    public record Difference(String couche, String id, String colonne, String publie, String recalcule) {
    }
}
