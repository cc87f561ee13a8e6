package fr.carence.analysis.step;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Common part of commuters (Lenormand, Huet, Gargiulo & Deffuant 2012), the usual score of a
 * commuting model: CPC = 2 Σ min(T_ij, T'_ij) / (Σ T_ij + Σ T'_ij), 1 for identical flows, 0 for
 * disjoint ones. Keys are "origin>destination".
 */
public final class CommonPartOfCommuters {
    private CommonPartOfCommuters() {
    }

    public static double of(Map<String, Double> observed, Map<String, Double> modelled) {
        Set<String> keys = new HashSet<>(observed.keySet());
        keys.addAll(modelled.keySet());
        double common = 0;
        double sum = 0;
        for (String k : keys) {
            double a = observed.getOrDefault(k, 0.0);
            double b = modelled.getOrDefault(k, 0.0);
            common += Math.min(a, b);
            sum += a + b;
        }
        return sum == 0 ? 1.0 : 2 * common / sum;
    }
}
