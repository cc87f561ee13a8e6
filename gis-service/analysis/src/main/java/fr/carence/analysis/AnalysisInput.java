package fr.carence.analysis;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.model.Venue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the analysis reads, in memory, indexed like {@link #communes()}. Built from the
 * store by {@link fr.carence.analysis.store.AnalysisInputReader} (or from files by the benchmark),
 * so the steps never touch a database.
 *
 * @param communes communes with population, interior point and polygon
 * @param observedFlows INSEE flows (may be empty); indices into communes
 * @param flowSource description of the observed flows (e.g. "FD_MOBPRO 2017"), or null
 * @param ftthCoverage share of premises connectable to FttH, NaN when unknown
 * @param densityLevel INSEE density level 1–7, 0 when unknown
 * @param zrr in a ZRR
 * @param massif mountain massif name, null when not in the mountain zone
 * @param qpv contains a QPV
 * @param venues existing venues; seats NaN when unknown
 * @param warnings missing optional layers and similar, reported with the scenario
 * @param units EPCI and département of each commune, with their names
 */
public record AnalysisInput(List<Commune> communes, List<Flow> observedFlows, String flowSource, double[] ftthCoverage,
                            int[] densityLevel, boolean[] zrr, String[] massif, boolean[] qpv, List<Venue> venues,
                            List<String> warnings, AdminUnits units) {

    public AnalysisInput {
        int n = communes.size();
        if (ftthCoverage.length != n || densityLevel.length != n || zrr.length != n || massif.length != n || qpv.length != n
                || units.epci().length != n || units.departement().length != n) {
            throw new IllegalArgumentException("per-commune arrays must have one entry per commune (" + n + ")");
        }
        communes = List.copyOf(communes);
        observedFlows = List.copyOf(observedFlows);
        venues = List.copyOf(venues);
        warnings = List.copyOf(warnings);
    }

    /** Without administrative attachment (zones by contiguity only). */
    public AnalysisInput(List<Commune> communes, List<Flow> observedFlows, String flowSource, double[] ftthCoverage,
                         int[] densityLevel, boolean[] zrr, String[] massif, boolean[] qpv, List<Venue> venues,
                         List<String> warnings) {
        this(communes, observedFlows, flowSource, ftthCoverage, densityLevel, zrr, massif, qpv, venues, warnings,
                AdminUnits.none(communes.size()));
    }

    public Map<String, Integer> indexByCode() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < communes.size(); i++) {
            index.put(communes.get(i).code(), i);
        }
        return index;
    }
}
