package fr.carence.analysis.scenario;

import fr.carence.analysis.store.InputVersion;
import java.util.List;

/**
 * A scenario recomputed on exactly the input versions it recorded, compared with what it published.
 *
 * @param scenario scenario id
 * @param identique every published feature and column found again, equal
 * @param entitesComparees features compared over the result layers
 * @param nbDifferences differing values (and missing or extra features)
 * @param differences the first {@link #LISTED} of them
 * @param provenance the input versions read (those recorded by the run)
 * @param versionMethodeOrigine code version of the published run
 * @param versionMethodeRecalcul code version of this recomputation (results may differ when it changed)
 */
public record Recalcul(String scenario, boolean identique, int entitesComparees, int nbDifferences,
                       List<Difference> differences, List<InputVersion> provenance, String versionMethodeOrigine,
                       String versionMethodeRecalcul) {

    public static final int LISTED = 20;

    /**
     * One differing value; {@code colonne} "geom" for a geometry, "(entité)" for a feature found on one side only.
     */
    public record Difference(String couche, String id, String colonne, String publie, String recalcule) {
    }
}
