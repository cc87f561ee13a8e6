package fr.carence.analysis.bench;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.ScenarioAnalysis;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.sample.SharedDataInputs;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.step.DetourTravelTimes;
import fr.carence.analysis.step.RobustnessAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the "sensible" carence communes of the Occitanie default run are sensible: runs the default
 * scenario with its 100 draws (the golden of OccitanieRegressionTest), then, one uncertain
 * parameter at a time, the analysis at each end of the range the draws sample (everything else at
 * its default), and prints for every sensible (and probable) commune its base margins (demand
 * against demande_min, accessibility against the threshold) and which ends take it out of carence.
 * One-at-a-time ends, not the joint draws: it names the parameter that flips a commune, not the
 * exact share. Modelled flows × 0.7 / × 1.3 are run as part_navetteurs_sortants × 0.7 / × 1.3
 * (radiation flows are proportional to it, except flows then falling under radiation_flux_min).
 * Run by bench/robustness-explain.sh.
 */
public final class RobustnessExplanation {

    private RobustnessExplanation() {
    }

    public static void main(String[] args) {
        AnalysisInput in = SharedDataInputs.read(f -> "76".equals(f[f.length - 7]), true, true);
        ScenarioParameters defaults = ParameterCatalog.defaults();
        AnalysisResult base = run(in, defaults.with(Map.of(ParameterCatalog.TIRAGES_ROBUSTESSE,
                ScenarioService.DEFAULT_ROBUSTNESS_DRAWS)));
        RobustnessAnalysis.Ranges r = RobustnessAnalysis.Ranges.DEFAULT;
        double navetteurs = defaults.number(ParameterCatalog.PART_NAVETTEURS_SORTANTS);
        Map<String, Object[]> ends = new LinkedHashMap<>();
        ends.put(ParameterCatalog.BASSIN_MINUTES, new Object[] {r.catchmentMinutes()[0], r.catchmentMinutes()[1]});
        ends.put(ParameterCatalog.SEUIL_ACCESSIBILITE, new Object[] {r.absoluteThreshold()[0], r.absoluteThreshold()[1]});
        ends.put(ParameterCatalog.CAPACITE_DEFAUT, new Object[] {r.defaultSeats()[0], r.defaultSeats()[1]});
        ends.put(ParameterCatalog.PART_TELETRAVAILLABLE, new Object[] {r.teleworkableShare()[0], r.teleworkableShare()[1]});
        ends.put(ParameterCatalog.PART_NAVETTEURS_SORTANTS, new Object[] {navetteurs * r.modelledFlowFactor()[0],
                navetteurs * r.modelledFlowFactor()[1]});
        Map<String, boolean[][]> carence = new LinkedHashMap<>();
        ends.forEach((name, values) -> {
            boolean[][] c = new boolean[2][];
            for (int k = 0; k < 2; k++) {
                c[k] = run(in, defaults.with(Map.of(name, values[k]))).carence();
            }
            carence.put(name, c);
        });
        double threshold = base.accessibilityThreshold();
        System.out.printf("Occitanie default run: %d carence communes; threshold %.2f seats / 1,000; demande_min %.0f%n",
                base.carenceCount(), threshold, defaults.number(ParameterCatalog.DEMANDE_MIN));
        System.out.println("ranges: " + ends.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "–" + e.getValue()[1])
                .toList());
        for (String wanted : List.of(RobustnessAnalysis.SENSIBLE, RobustnessAnalysis.PROBABLE, RobustnessAnalysis.ROBUSTE)) {
            System.out.println("== " + wanted);
            for (int i = 0; i < in.communes().size(); i++) {
                double share = base.robustness().communeShare()[i];
                if (!base.carence()[i] || !wanted.equals(RobustnessAnalysis.classe(share))) {
                    continue;
                }
                Commune c = in.communes().get(i);
                boolean quartier = base.fragility().quartier()[i];
                double access = quartier ? base.study().quartierAccess()[i] : base.access().accessibility()[i];
                List<String> out = new ArrayList<>();
                for (Map.Entry<String, boolean[][]> p : carence.entrySet()) {
                    Object[] v = ends.get(p.getKey());
                    for (int k = 0; k < 2; k++) {
                        if (!p.getValue()[k][i]) {
                            out.add(p.getKey() + "=" + fmt(v[k]));
                        }
                    }
                }
                System.out.printf("%s %s%s: %.0f %% of draws; demand %.1f, accessibility %.2f, nearest venue %.0f min; "
                                + "out of carence at: %s%n", c.code(), c.nom(), quartier ? " (quartier QPV)" : "",
                        100 * share, base.study().carenceDemand()[i], access, base.access().nearestVenueMinutes()[i],
                        out.isEmpty() ? "none of the ends alone" : String.join(", ", out));
            }
        }
        printZones(in, base);
    }

    /** Each zone that is not robust: its class, share and member communes (with their own share). */
    static void printZones(AnalysisInput in, AnalysisResult base) {
        System.out.println("== zones (not robuste)");
        for (int z = 0; z < base.zones().size(); z++) {
            double share = base.robustness().zoneShare()[z];
            String classe = RobustnessAnalysis.classe(share);
            if (RobustnessAnalysis.ROBUSTE.equals(classe)) {
                continue;
            }
            List<String> members = new ArrayList<>();
            for (int i : base.zones().get(z).members()) {
                members.add(in.communes().get(i).nom() + " " + Math.round(100 * base.robustness().communeShare()[i]) + " %");
            }
            System.out.printf("zone rank %d, %s %.0f %%: %s%n", z + 1, classe, 100 * share, String.join(", ", members));
        }
    }

    private static String fmt(Object v) {
        return String.format(java.util.Locale.ROOT, "%.3g", ((Number) v).doubleValue());
    }

    private static AnalysisResult run(AnalysisInput in, ScenarioParameters p) {
        return ScenarioAnalysis.run(in, p, new DetourTravelTimes(p.number(ParameterCatalog.FACTEUR_DETOUR),
                p.number(ParameterCatalog.VITESSE_KMH)), ProgressListener.NONE);
    }
}
