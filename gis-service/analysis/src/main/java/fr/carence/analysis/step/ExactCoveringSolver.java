package fr.carence.analysis.step;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Exact MCLP as a MIP solved by OR-Tools (SCIP, else CBC):
 * <pre>max Σ a_i y_i  s.t.  y_i ≤ Σ_{j covers i} x_j,  Σ x_j ≤ K,  x, y ∈ {0,1}</pre>
 * (Church &amp; ReVelle 1974; "≤ K" so that sites adding nothing are not forced in). Returns empty when no MIP backend is available; the caller then
 * uses the greedy solver. A time limit stops the search; the gap to the best bound is reported.
 */
public final class ExactCoveringSolver {
    private static volatile boolean loaded;

    private ExactCoveringSolver() {
    }

    public static Optional<CoveringSolution> solve(CoveringProblem p, int timeLimitSeconds) {
        loadNatives();
        MPSolver solver = MPSolver.createSolver("SCIP");
        String method = "exact-scip";
        if (solver == null) {
            solver = MPSolver.createSolver("CBC");
            method = "exact-cbc";
        }
        if (solver == null) {
            return Optional.empty();
        }
        try {
            int m = p.candidates();
            int n = p.weights().length;
            int k = Math.min(p.k(), m);
            MPVariable[] x = new MPVariable[m];
            for (int j = 0; j < m; j++) {
                x[j] = solver.makeBoolVar("x" + j);
            }
            List<List<Integer>> coveredBy = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                coveredBy.add(new ArrayList<>());
            }
            for (int j = 0; j < m; j++) {
                for (int i : p.covers().get(j)) {
                    coveredBy.get(i).add(j);
                }
            }
            MPObjective objective = solver.objective();
            for (int i = 0; i < n; i++) {
                if (coveredBy.get(i).isEmpty() || p.weights()[i] <= 0) {
                    continue; // can never be covered, or worthless: no variable needed
                }
                MPVariable y = solver.makeBoolVar("y" + i);
                objective.setCoefficient(y, p.weights()[i]);
                MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "c" + i);
                c.setCoefficient(y, 1);
                for (int j : coveredBy.get(i)) {
                    c.setCoefficient(x[j], -1);
                }
            }
            MPConstraint count = solver.makeConstraint(0, k, "k");
            for (MPVariable v : x) {
                count.setCoefficient(v, 1);
            }
            objective.setMaximization();
            solver.setTimeLimit(timeLimitSeconds * 1000L);
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return Optional.empty();
            }
            List<Integer> chosen = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (x[j].solutionValue() > 0.5) {
                    chosen.add(j);
                }
            }
            int[] ordered = orderByContribution(p, chosen);
            double covered = p.coveredWeight(ordered);
            double bound = status == MPSolver.ResultStatus.OPTIMAL ? covered : Math.max(covered, objective.bestBound());
            double gap = bound > 0 ? (bound - covered) / bound : 0;
            return Optional.of(new CoveringSolution(ordered, covered, method, bound, gap));
        } finally {
            solver.delete();
        }
    }

    /** Greedy ordering of the chosen sites, so rank 1 is the site that adds the most. */
    static int[] orderByContribution(CoveringProblem p, List<Integer> chosen) {
        List<Integer> left = new ArrayList<>(chosen);
        boolean[] covered = new boolean[p.weights().length];
        List<Integer> out = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = left.stream().max(Comparator.comparingDouble((Integer j) -> gain(p, j, covered))
                    .thenComparing(j -> -j)).orElseThrow();
            if (gain(p, best, covered) <= 0) {
                break; // the solver may keep useless sites at no cost: drop them
            }
            left.remove(Integer.valueOf(best));
            out.add(best);
            for (int i : p.covers().get(best)) {
                covered[i] = true;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double gain(CoveringProblem p, int j, boolean[] covered) {
        double g = 0;
        for (int i : p.covers().get(j)) {
            if (!covered[i]) {
                g += p.weights()[i];
            }
        }
        return g;
    }

    private static synchronized void loadNatives() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}
