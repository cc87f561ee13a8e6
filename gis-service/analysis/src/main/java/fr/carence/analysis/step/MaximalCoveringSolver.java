package fr.carence.analysis.step;

/**
 * Step 7 solver choice: exact MIP while the instance has at most {@code maxExactPairs} coverage
 * pairs (and a MIP backend loads), greedy beyond.
 */
public final class MaximalCoveringSolver {
    private MaximalCoveringSolver() {
    }

    public static CoveringSolution solve(CoveringProblem p, long maxExactPairs, int timeLimitSeconds) {
        if (p.candidates() == 0 || p.k() == 0) {
            return new CoveringSolution(new int[0], 0, "aucun-candidat", 0, 0);
        }
        if (p.pairs() <= maxExactPairs) {
            var exact = ExactCoveringSolver.solve(p, timeLimitSeconds);
            if (exact.isPresent()) {
                return exact.get();
            }
        }
        return GreedyCoveringSolver.solve(p);
    }
}
