package fr.carence.analysis.sample;

import fr.carence.store.testing.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.step.CommonPartOfCommuters;
import fr.carence.analysis.step.RadiationModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Validates step 2 against the real INSEE MOBPRO 2017 records of CC Millau Grands Causses
 * (shared/data/commuting-flows): flows leaving the 15 communes of residence of the EPCI towards
 * other communes, modelled nationally (all 34,868 communes as destinations) vs observed.
 * Figures are reported in docs/analysis.md.
 */
class MillauRadiationValidationTest {

    static final String EPCI_MILLAU = "241200567";

    @Test
    void commonPartOfCommutersOnMillau() {
        AnalysisInput in = SharedDataInputs.read(f -> true, false, true);
        List<Commune> communes = in.communes();
        Map<String, Integer> index = in.indexByCode();
        Set<String> members = new TreeSet<>();
        SharedDataInputs.csv("communes-population/communes-2026.csv", f -> {
            if ("commune-actuelle".equals(f[f.length - 11]) && EPCI_MILLAU.equals(f[f.length - 6])) {
                members.add(f[0]);
            }
        });
        assertEquals(15, members.size(), "CC Millau Grands Causses has 15 communes");
        int[] origins = members.stream().mapToInt(index::get).toArray();

        Map<String, Double> observed = new HashMap<>();
        Map<Integer, Double> observedOut = new HashMap<>();
        for (Flow f : in.observedFlows()) {
            if (members.contains(communes.get(f.origin()).code()) && f.origin() != f.destination()) {
                observed.merge(key(communes, f), f.commuters(), Double::sum);
                observedOut.merge(f.origin(), f.commuters(), Double::sum);
            }
        }
        double observedTotal = observed.values().stream().mapToDouble(Double::doubleValue).sum();

        ScenarioParameters p = ParameterCatalog.defaults();
        RadiationModel.Settings settings = new RadiationModel.Settings(p.number(ParameterCatalog.TAUX_ACTIFS_OCCUPES),
                p.number(ParameterCatalog.PART_NAVETTEURS_SORTANTS), p.number(ParameterCatalog.RADIATION_DISTANCE_MAX_KM),
                0);
        List<Flow> modelledFlows = RadiationModel.estimate(communes, origins, settings);
        Map<String, Double> modelled = new HashMap<>();
        for (Flow f : modelledFlows) {
            modelled.merge(key(communes, f), f.commuters(), Double::sum);
        }
        double cpc = CommonPartOfCommuters.of(observed, modelled);

        // same spatial distribution, rescaled to the observed out-commuters of each origin
        Map<Integer, Double> modelledOut = new HashMap<>();
        modelledFlows.forEach(f -> modelledOut.merge(f.origin(), f.commuters(), Double::sum));
        Map<String, Double> rescaled = new HashMap<>();
        for (Flow f : modelledFlows) {
            double scale = observedOut.getOrDefault(f.origin(), 0.0) / modelledOut.get(f.origin());
            rescaled.merge(key(communes, f), f.commuters() * scale, Double::sum);
        }
        double cpcDistribution = CommonPartOfCommuters.of(observed, rescaled);
        double modelledTotal = modelled.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("Millau CPC: %.3f (default parameters), %.3f (observed out-commuters per origin); "
                        + "observed out-commuters %.0f, modelled %.0f, %d observed pairs, %d modelled pairs%n",
                cpc, cpcDistribution, observedTotal, modelledTotal, observed.size(), modelled.size());
        assertTrue(observedTotal > 6000 && observedTotal < 7000, "observed out-commuters " + observedTotal);
        // measured 0.391 and 0.442 (see docs/analysis.md); a regression of the model drops well below
        assertTrue(cpc > 0.35, "CPC with default parameters = " + cpc);
        assertTrue(cpcDistribution > 0.4, "CPC of the spatial distribution = " + cpcDistribution);
    }

    private static String key(List<Commune> communes, Flow f) {
        return communes.get(f.origin()).code() + ">" + communes.get(f.destination()).code();
    }
}
