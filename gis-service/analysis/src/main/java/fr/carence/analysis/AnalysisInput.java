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
 * @param territory per-commune territories, FRR, QPV perimeters, inventory coverage, CS1 detail
 * @param units EPCI and département of each commune, with their names (zones by unit, zone names)
 * @param amii the investment intentions loaded (layer {@code intentions_amii}), {@link Amii#NONE} when none
 */
public record AnalysisInput(List<Commune> communes, List<Flow> observedFlows, String flowSource, double[] ftthCoverage,
                            int[] densityLevel, boolean[] zrr, String[] massif, boolean[] qpv, List<Venue> venues,
                            List<String> warnings, Territory territory, AdminUnits units, Amii amii) {

    /**
     * The intentions of the last AMII file loaded.
     *
     * @param intentions every intention of the file, whatever its statut
     * @param fichier the file loaded, null when no AMII is loaded
     * @param chargement when it was published in the store (ISO-8601), null when none
     */
    public record Amii(List<fr.carence.analysis.model.Intention> intentions, String fichier, String chargement) {
        public static final Amii NONE = new Amii(List.of(), null, null);

        public Amii {
            intentions = List.copyOf(intentions);
        }

        public boolean loaded() {
            return fichier != null;
        }
    }

    /** Without intentions (no AMII loaded). */
    public AnalysisInput(List<Commune> communes, List<Flow> observedFlows, String flowSource, double[] ftthCoverage,
                         int[] densityLevel, boolean[] zrr, String[] massif, boolean[] qpv, List<Venue> venues,
                         List<String> warnings, Territory territory, AdminUnits units) {
        this(communes, observedFlows, flowSource, ftthCoverage, densityLevel, zrr, massif, qpv, venues, warnings,
                territory, units, Amii.NONE);
    }

    /** The same inputs with these intentions. */
    public AnalysisInput withAmii(Amii a) {
        return new AnalysisInput(communes, observedFlows, flowSource, ftthCoverage, densityLevel, zrr, massif, qpv, venues,
                warnings, territory, units, a);
    }

    /**
     * What the study-area, fragility and teleworkable-share steps read besides the classic inputs.
     *
     * @param region région code per commune (null when unknown)
     * @param departement département code per commune
     * @param epci EPCI SIREN per commune
     * @param frr FRR classement per commune (null when the layer is not loaded)
     * @param qpvPerimeter union of the commune's loaded QPV perimeters (storage CRS), or null
     * @param qpvPlace interior point of that union in the legal CRS, or null
     * @param qpvCode codes of the commune's loaded QPV perimeters, sorted, joined by "+", or null
     * @param qpvName their names, in the same order, joined by " + ", or null
     * @param inventory the commune lies in a territory covered by a loaded venue inventory
     * @param cs1Commuters per commune, weighted commuters by CS1 1–6 from FD_MOBPRO detail, or null rows
     */
    public record Territory(String[] region, String[] departement, String[] epci, String[] frr,
                            org.locationtech.jts.geom.Geometry[] qpvPerimeter,
                            fr.carence.analysis.model.Place[] qpvPlace, String[] qpvCode, String[] qpvName,
                            boolean[] inventory, double[][] cs1Commuters) {

        /** No territory known, no FRR or QPV perimeter, the whole area covered by the venues (tests, files). */
        public static Territory unknown(int n) {
            boolean[] all = new boolean[n];
            java.util.Arrays.fill(all, true);
            return new Territory(new String[n], new String[n], new String[n], new String[n],
                    new org.locationtech.jts.geom.Geometry[n], new fr.carence.analysis.model.Place[n], new String[n], new String[n], all, new double[n][]);
        }
    }

    public AnalysisInput(List<Commune> communes, List<Flow> observedFlows, String flowSource, double[] ftthCoverage,
                         int[] densityLevel, boolean[] zrr, String[] massif, boolean[] qpv, List<Venue> venues,
                         List<String> warnings) {
        this(communes, observedFlows, flowSource, ftthCoverage, densityLevel, zrr, massif, qpv, venues, warnings,
                Territory.unknown(communes.size()));
    }

    /** Territories known, without EPCI/département names (zones by contiguity; files, tests). */
    public AnalysisInput(List<Commune> communes, List<Flow> observedFlows, String flowSource, double[] ftthCoverage,
                         int[] densityLevel, boolean[] zrr, String[] massif, boolean[] qpv, List<Venue> venues,
                         List<String> warnings, Territory territory) {
        this(communes, observedFlows, flowSource, ftthCoverage, densityLevel, zrr, massif, qpv, venues, warnings,
                territory, new AdminUnits(territory.epci(), territory.departement(), Map.of(), Map.of()));
    }

    public AnalysisInput {
        int n = communes.size();
        if (ftthCoverage.length != n || densityLevel.length != n || zrr.length != n || massif.length != n || qpv.length != n
                || territory.region().length != n || territory.frr().length != n || territory.inventory().length != n
                || territory.qpvPerimeter().length != n || territory.cs1Commuters().length != n
                || units.epci().length != n || units.departement().length != n) {
            throw new IllegalArgumentException("per-commune arrays must have one entry per commune (" + n + ")");
        }
        communes = List.copyOf(communes);
        observedFlows = List.copyOf(observedFlows);
        venues = List.copyOf(venues);
        warnings = List.copyOf(warnings);
    }

    public Map<String, Integer> indexByCode() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < communes.size(); i++) {
            index.put(communes.get(i).code(), i);
        }
        return index;
    }
}
