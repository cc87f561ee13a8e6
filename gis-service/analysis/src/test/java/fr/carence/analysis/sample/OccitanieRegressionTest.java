package fr.carence.analysis.sample;

import fr.carence.store.testing.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.ScenarioAnalysis;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.step.DetourTravelTimes;
import fr.carence.analysis.step.RobustnessAnalysis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression on the real Occitanie data of shared/data (communes, density grid, mountain, ZRR,
 * QPV, ARCEP 2018, the 2016 venue list, Millau MOBPRO flows) with default parameters. Read
 * straight from the files until the loaders' OccitanieSample is merged (see docs/analysis.md).
 */
class OccitanieRegressionTest {
    static final String OCCITANIE = "76";
    static final String MENDE = "48095";
    private static AnalysisInput input;
    private static AnalysisResult result;
    private static Map<String, Integer> index;
    private static Map<String, Integer> robustnessClasses;
    private static Map<String, Integer> zoneRobustnessClasses;

    /** Golden figures of the robustness run (docs/analysis.md explains them); seed fixed, so exact. */
    @org.junit.jupiter.api.Test
    void robustnessClassesOfTheDefaultScenario() {
        assertEquals(Map.of("robuste", 70, "probable", 45, "sensible", 5), robustnessClasses);
        assertEquals(Map.of("robuste", 47, "probable", 32, "sensible", 3), zoneRobustnessClasses);
    }

    @BeforeAll
    static void run() {
        input = SharedDataInputs.read(f -> OCCITANIE.equals(f[f.length - 7]), true, true);
        // as the default scenario runs: with its 100 robustness draws
        ScenarioParameters p = ParameterCatalog.defaults().with(java.util.Map.of(ParameterCatalog.TIRAGES_ROBUSTESSE,
                fr.carence.analysis.scenario.ScenarioService.DEFAULT_ROBUSTNESS_DRAWS));
        result = ScenarioAnalysis.run(input, p, new DetourTravelTimes(p.number(ParameterCatalog.FACTEUR_DETOUR),
                p.number(ParameterCatalog.VITESSE_KMH)), ProgressListener.NONE);
        index = input.indexByCode();
        System.out.printf("Occitanie: %d communes, %d venues, %d in carence, %d zones, %d candidates, %d sites (%s, gap %.4f), "
                        + "demand %.0f, covered %.0f, km/yr %.0f, timings %s%n",
                input.communes().size(), input.venues().size(), result.carenceCount(), result.zones().size(),
                result.candidates().length, result.sites().size(), result.solution().method(), result.solution().gap(),
                sum(result.demand().demand()), result.totalImpact().demandCovered(),
                result.totalImpact().kmAvoidedYearly(), result.timingsMs());
        java.util.Map<String, Integer> classes = new java.util.TreeMap<>();
        for (int i = 0; i < input.communes().size(); i++) {
            if (result.carence()[i]) {
                classes.merge(String.valueOf(RobustnessAnalysis.classe(result.robustness().communeShare()[i])), 1, Integer::sum);
            }
        }
        java.util.Map<String, Integer> zoneClasses = new java.util.TreeMap<>();
        for (double share : result.robustness().zoneShare()) {
            zoneClasses.merge(String.valueOf(RobustnessAnalysis.classe(share)), 1, Integer::sum);
        }
        System.out.printf("Occitanie robustness: carence communes by class %s, zones by class %s%n", classes, zoneClasses);
        robustnessClasses = classes;
        zoneRobustnessClasses = zoneClasses;
        for (AnalysisResult.Site s : result.sites()) {
            Commune c = input.communes().get(s.commune());
            System.out.printf("  site %d: %s %s covers %.0f%n", s.rank(), c.code(), c.nom(), s.impact().demandCovered());
        }
    }

    @Test
    void inputsAreTheWholeRegion() {
        assertTrue(input.communes().size() > 4400 && input.communes().size() < 4500, "Occitanie has ~4,450 communes");
        assertEquals(73, input.venues().size());
        assertTrue(input.communes().stream().filter(c -> c.geometry() == null).count() < 5);
    }

    @Test
    void mendeHasAVenueAndItsSurroundingsAreNotInCarence() {
        int mende = index.get(MENDE);
        assertFalse(result.carence()[mende]);
        assertTrue(result.access().accessibility()[mende] > 0);
        Commune m = input.communes().get(mende);
        int near = 0;
        for (int i = 0; i < input.communes().size(); i++) {
            double km = m.place().distanceTo(input.communes().get(i).place()) / 1000;
            if (km <= 10) {
                near++;
                assertFalse(result.carence()[i], input.communes().get(i).code() + " is " + km + " km from Mende");
            }
        }
        assertTrue(near >= 5, "communes within 10 km of Mende: " + near);
    }

    @Test
    void remoteLozereAndAveyronCommunesAreInCarence() {
        long lozere = carenceIn("48");
        long aveyron = carenceIn("12");
        assertTrue(lozere > 0, "Lozère communes in carence: " + lozere);
        assertTrue(aveyron > 0, "Aveyron communes in carence: " + aveyron);
        for (int i = 0; i < input.communes().size(); i++) {
            if (result.carence()[i]) {
                assertTrue(result.access().accessibility()[i] < result.accessibilityThreshold());
                assertTrue(result.fragility().fragile()[i]);
            }
        }
    }

    @Test
    void sitesAreChosenInBroadbandCommunesAndCoverCarenceDemand() {
        assertFalse(result.sites().isEmpty());
        assertTrue(result.totalImpact().demandCovered() > 0);
        for (AnalysisResult.Site s : result.sites()) {
            assertTrue(result.broadbandOk()[s.commune()]);
        }
        assertTrue(result.solution().gap() >= 0 && result.solution().gap() < 0.05, "gap " + result.solution().gap());
    }

    @Test
    void millauCommunesUseTheirObservedFlowsAndOthersAreModelled() {
        assertFalse(result.modelledFlows()[index.get("12145")], "Millau has its MOBPRO flows");
        assertTrue(result.modelledFlows()[index.get(MENDE)]);
    }

    private static long carenceIn(String dep) {
        List<Commune> c = input.communes();
        long n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (result.carence()[i] && c.get(i).code().startsWith(dep)) {
                n++;
            }
        }
        return n;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
