package fr.carence.analysis;

import fr.carence.analysis.model.Flow;
import fr.carence.analysis.step.CarenceZoneBuilder;
import fr.carence.analysis.step.CoveringSolution;
import fr.carence.analysis.step.DemandEstimator;
import fr.carence.analysis.step.FragilityClassifier;
import fr.carence.analysis.step.ImpactSimulator;
import fr.carence.analysis.step.ResidualCarence;
import fr.carence.analysis.step.RobustnessAnalysis;
import fr.carence.analysis.step.TwoStepFloatingCatchment;
import java.util.List;
import java.util.Map;

/**
 * Every intermediate and final value of one run, indexed like the input's communes.
 *
 * @param modelledFlows per commune: its outbound flows come from the radiation model
 * @param flows the flows used (observed for covered origins, modelled for the others)
 * @param demand step 1
 * @param access step 3 (over all communes)
 * @param broadbandOk step 4
 * @param fragility step 5
 * @param carence carence flag per commune (step 6)
 * @param carenceScore score per commune
 * @param accessibilityThreshold threshold applied (absolute, or computed percentile)
 * @param zones carence zones, ranked
 * @param zoneOf per commune, index into zones or -1
 * @param candidates commune indices of the MCLP candidates (step 7)
 * @param sites chosen sites in rank order
 * @param solution MCLP solution (method, gap)
 * @param servedBy per commune, rank of the serving site (1-based) or 0
 * @param totalImpact step 8 summed over the sites
 * @param timingsMs time per step, in execution order
 * @param study study area, quartiers and teleworkable share per commune
 * @param robustness shares of draws in carence per commune and zone, null when no draw was asked
 * @param residual step 6c: carence left once the AMII's intentions are applied (= presumptive when none)
 */
public record AnalysisResult(boolean[] modelledFlows, List<Flow> flows, DemandEstimator.Result demand,
                             TwoStepFloatingCatchment.Result access, boolean[] broadbandOk,
                             FragilityClassifier.Result fragility, boolean[] carence, double[] carenceScore,
                             double accessibilityThreshold, List<CarenceZoneBuilder.Zone> zones, int[] zoneOf,
                             int[] candidates, List<Site> sites, CoveringSolution solution, int[] servedBy,
                             ImpactSimulator.Impact totalImpact, Map<String, Long> timingsMs, Study study,
                             RobustnessAnalysis.Result robustness, ResidualCarence.Result residual) {

    /** Study-area status of a commune whose carence is established. */
    public static final String ETABLI = "établi";
    public static final String HORS_PERIMETRE = "hors périmètre";
    public static final String INVENTAIRE_ABSENT = "carence non établie : inventaire des lieux absent";
    public static final String THD_INCONNU = "établi ; couverture THD inconnue : pas de site candidat";

    /**
     * @param status per commune: {@link #ETABLI}, {@link #HORS_PERIMETRE}, {@link #INVENTAIRE_ABSENT}, {@link #THD_INCONNU}
     * @param teleworkShare the teleworkable share used per commune
     * @param teleworkSource where it comes from, per commune
     * @param quartierDemand potential teleworkers of the commune's QPV quartiers (NaN when not evaluated at the quartier)
     * @param quartierAccess accessibility at the quartiers (NaN when not evaluated)
     * @param carenceDemand demand counted for carence: the quartier's where evaluated there, else the commune's
     * @param warnings scenario warnings from these steps (perimeter without inventory, category without data)
     */
    public record Study(String[] status, double[] teleworkShare, String[] teleworkSource, double[] quartierDemand,
                        double[] quartierAccess, double[] carenceDemand, List<String> warnings) {
    }

    /**
     * A chosen site.
     *
     * @param rank 1 = adds the most covered demand
     * @param commune commune index hosting it
     * @param impact its figures
     */
    public record Site(int rank, int commune, ImpactSimulator.Impact impact) {
    }

    public int carenceCount() {
        int c = 0;
        for (boolean b : carence) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
