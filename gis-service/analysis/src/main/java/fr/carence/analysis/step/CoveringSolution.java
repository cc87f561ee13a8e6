package fr.carence.analysis.step;

/**
 * @param chosen candidate indices, in the order of their marginal contribution (largest first)
 * @param covered total demand weight covered
 * @param method "exact-scip", "exact-cbc" or "glouton"
 * @param bound upper bound on the optimum (equal to covered when proven optimal)
 * @param gap relative optimality gap (bound − covered) / bound, 0 when proven optimal
 */
public record CoveringSolution(int[] chosen, double covered, String method, double bound, double gap) {
}
