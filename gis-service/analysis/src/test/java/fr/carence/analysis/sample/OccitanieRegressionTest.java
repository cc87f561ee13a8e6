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
        // method-b alone (v1 carence): 70/45/5 communes, 47/32/3 zones; with method v2's carence stage
        assertEquals(Map.of("robuste", 62, "probable", 47, "sensible", 15), robustnessClasses);
        assertEquals(Map.of("robuste", 47, "probable", 31, "sensible", 11), zoneRobustnessClasses);
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
                double access = result.fragility().quartier()[i] ? result.study().quartierAccess()[i]
                        : result.access().accessibility()[i];
                assertTrue(access < result.accessibilityThreshold());
                assertTrue(result.fragility().fragile()[i] || result.fragility().quartier()[i]);
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

    /** Method v2 against v1 on the same files (docs/analysis.md, "What changed from method v1"). */
    @Test
    void methodV2GoldenChangesFromV1() {
        assertEquals(124, result.carenceCount(), "v1: 120 communes");
        assertEquals(89, result.zones().size(), "v1: 82 zones");
        // Béziers and Sète are in carence by their QPV quartiers only, not as whole cities
        for (String city : List.of("34032", "34301")) {
            int i = index.get(city);
            assertFalse(result.fragility().fragile()[i], city);
            assertTrue(result.fragility().quartier()[i] && result.carence()[i], city);
            assertTrue(result.study().carenceDemand()[i] < result.demand().demand()[i], city);
        }
        // left: fragile in v1 only through a QPV (commune list) or ZRR 2018
        for (String left : List.of("30028", "30032", "30202", "30258", "30341", "34003", "34079", "81070", "81220")) {
            assertFalse(result.carence()[index.get(left)], left);
        }
        // came in through FRR: Fourques, density level 3, FRR socle
        int fourques = index.get("30117");
        assertTrue(result.carence()[fourques] && result.fragility().rural()[fourques]);
        assertEquals(3, input.densityLevel()[fourques]);
        // Occitanie has no verified regional teleworkable share: the national value
        assertEquals(0.39, result.study().teleworkShare()[index.get(MENDE)]);
    }

    /** A quartier zone is coded and named after its QPV, never after its whole commune. */
    @Test
    void quartierZonesAreCodedAndNamedAfterTheirQpv() {
        Map<String, String> names = new java.util.HashMap<>();
        fr.carence.analysis.result.ResultRows.Run.of("occ", input, result).zoneRows()
                .forEach(z -> names.put(z.code(), z.nom()));
        // codes sorted, names in the same order (qp-occitanie-2015: QP034001 Centre Ville, QP034002
        // Iranget Grangette, QP034003 Devèze in Béziers; QP034017 Ile De Thau, QP034018 Centre Ville - Ile Sud in Sète)
        assertEquals("Quartier Centre Ville + Iranget Grangette + Devèze (Béziers)",
                names.get("qpv-QP034001+QP034002+QP034003"));
        assertEquals("Quartier Ile De Thau + Centre Ville - Ile Sud (Sète)", names.get("qpv-QP034017+QP034018"));
        assertFalse(names.keySet().stream().anyMatch(c -> c.equals("commune-34032") || c.equals("commune-34301")));
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
