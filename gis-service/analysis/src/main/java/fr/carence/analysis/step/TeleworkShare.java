package fr.carence.analysis.step;

import java.util.Map;

/**
 * Step 1a — share of a commune's employed residents whose job is compatible with telework. From
 * the socio-professional categories (CS1) of the commune's commuters where the FD_MOBPRO detail
 * file with CS1 is loaded, else from a regional table, else a national value. Sources: Insee
 * Analyses Auvergne-Rhône-Alpes n° 182 (Nov. 2024, 2021 data, Dingel–Neiman method) and Insee
 * Analyses Normandie n° 111 (Apr. 2023, 2019 data); see docs/analysis.md for what could be checked.
 */
public final class TeleworkShare {

    /** Regional shares that a publication states; other régions take the national value. */
    static final Map<String, Double> REGIONS = Map.of(
            "11", 0.51,   // Île-de-France (Insee Analyses ARA n° 182)
            "93", 0.39,   // Provence-Alpes-Côte d'Azur (id.)
            "84", 0.38,   // Auvergne-Rhône-Alpes (id.)
            "28", 0.331,  // Normandie (Insee Analyses Normandie n° 111)
            "27", 0.325); // Bourgogne-Franche-Comté (id.)

    /**
     * Share by CS1 1–6 (agriculteurs, artisans-commerçants-chefs d'entreprise, cadres, professions
     * intermédiaires, employés, ouvriers): Insee Analyses ARA n° 182, Auvergne-Rhône-Alpes 2021,
     * applied everywhere (no national table by CS1 was available offline).
     */
    static final double[] BY_CS1 = {0.03, 0.33, 0.72, 0.48, 0.36, 0.02};

    public static final String SOURCE_DETAIL = "FD_MOBPRO (CS1) × parts par catégorie, Insee Analyses ARA n° 182";
    public static final String SOURCE_REGION = "table régionale (Insee Analyses ARA n° 182, Normandie n° 111)";
    public static final String SOURCE_NATIONAL = "valeur nationale (part_teletravaillable)";
    public static final String SOURCE_UNIFORM = "uniforme (part_teletravaillable)";

    /** @param share per commune; @param source per commune, one of the SOURCE_ constants */
    public record Result(double[] share, String[] source) {
    }

    private TeleworkShare() {
    }

    /**
     * @param region région code per commune (null when unknown)
     * @param cs1Commuters per commune, weighted commuters by CS1 1–6 (null rows when no detail)
     * @param uniform true: {@code national} everywhere
     * @param national the value for régions without a published share
     */
    public static Result perCommune(String[] region, double[][] cs1Commuters, boolean uniform, double national) {
        int n = region.length;
        double[] share = new double[n];
        String[] source = new String[n];
        for (int i = 0; i < n; i++) {
            if (uniform) {
                share[i] = national;
                source[i] = SOURCE_UNIFORM;
                continue;
            }
            double[] cs = cs1Commuters == null ? null : cs1Commuters[i];
            double total = 0;
            double teleworkable = 0;
            if (cs != null) {
                for (int k = 0; k < BY_CS1.length; k++) {
                    total += cs[k];
                    teleworkable += cs[k] * BY_CS1[k];
                }
            }
            Double regional = region[i] == null ? null : REGIONS.get(region[i]);
            if (total > 0) {
                share[i] = teleworkable / total;
                source[i] = SOURCE_DETAIL;
            } else if (regional != null) {
                share[i] = regional;
                source[i] = SOURCE_REGION;
            } else {
                share[i] = national;
                source[i] = SOURCE_NATIONAL;
            }
        }
        return new Result(share, source);
    }
}
