package fr.carence.analysis.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Step 5 — fragility as action 15 defines it: "territoires fragiles (espaces ruraux, zones de
 * massifs, quartiers de la politique de la ville, collectivités d'outre-mer, zones de
 * reconversion)". Each is a separate category with its own flag and source; a commune is fragile
 * when it raises at least one category of the call's profile, counted once (weight 1), never a
 * sum. Rurality is one category whatever its sources (density grid or FRR).
 *
 * <p>A QPV is sub-communal: where its perimeter is loaded, the commune is not fragile as a whole
 * for it; the analysis evaluates the quartier itself ({@link Result#quartier}). Where only the
 * list of communes with a QPV is loaded, the flag is reported but never makes the commune fragile.
 */
public final class FragilityClassifier {

    /** The categories of action 15, as the scenario parameter {@code profil_appel} names them. */
    public enum Category {
        ESPACES_RURAUX, ZONES_MASSIFS, QPV, OUTRE_MER, ZONES_RECONVERSION;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Category> of(String key) {
            for (Category c : values()) {
                if (c.key().equals(key)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** FRR classements that classify the commune (the transitional "bénéficiaire" ones do not). */
    public static final Set<String> FRR_CLASSEE = Set.of("frr_socle", "frr_plus", "frr_partiel");

    /**
     * Inputs per commune; densityLevel 0 = unknown, frr null = not loaded.
     *
     * @param qpvCommune the commune contains a QPV (list or perimeters)
     * @param qpvPerimeter a QPV perimeter of the commune is loaded
     */
    public record Inputs(int[] densityLevel, String[] frr, boolean[] mountain, boolean[] qpvCommune,
                         boolean[] qpvPerimeter, boolean[] overseas) {
    }

    /** @param profile the categories the call targets */
    public record Settings(int ruralMinLevel, Set<Category> profile) {
    }

    /**
     * @param rural espaces ruraux: density level ≥ the minimum, or classified FRR
     * @param weight 1 when fragile or evaluated at the quartier (counted once), else 0
     * @param fragile the whole commune is fragile
     * @param quartier not fragile as a whole, but a targeted QPV perimeter lies in it: evaluated at the quartier
     * @param categories targeted categories raised, comma-separated ("" when none)
     */
    public record Result(boolean[] rural, double[] weight, boolean[] fragile, boolean[] quartier, String[] categories) {
    }

    private FragilityClassifier() {
    }

    public static boolean frrClassee(String classement) {
        return classement != null && FRR_CLASSEE.contains(classement);
    }

    public static Result classify(Inputs in, Settings s) {
        int n = in.densityLevel().length;
        boolean[] rural = new boolean[n];
        double[] weight = new double[n];
        boolean[] fragile = new boolean[n];
        boolean[] quartier = new boolean[n];
        String[] categories = new String[n];
        Set<Category> profile = s.profile();
        for (int i = 0; i < n; i++) {
            int level = in.densityLevel()[i];
            rural[i] = (level > 0 && level >= s.ruralMinLevel()) || frrClassee(in.frr()[i]);
            List<String> raised = new ArrayList<>(3);
            add(raised, profile, Category.ESPACES_RURAUX, rural[i]);
            add(raised, profile, Category.ZONES_MASSIFS, in.mountain()[i]);
            add(raised, profile, Category.OUTRE_MER, in.overseas()[i]);
            fragile[i] = !raised.isEmpty();
            add(raised, profile, Category.QPV, in.qpvCommune()[i]);
            quartier[i] = !fragile[i] && profile.contains(Category.QPV) && in.qpvPerimeter()[i];
            weight[i] = fragile[i] || quartier[i] ? 1 : 0;
            categories[i] = String.join(",", raised);
        }
        return new Result(rural, weight, fragile, quartier, categories);
    }

    private static void add(List<String> raised, Set<Category> profile, Category c, boolean flag) {
        if (flag && profile.contains(c)) {
            raised.add(c.key());
        }
    }
}
