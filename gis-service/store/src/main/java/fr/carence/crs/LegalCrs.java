package fr.carence.crs;

/**
 * The legal projected CRS of each French territory (décret 2006-272 as amended). Geometries are
 * all stored in Lambert-93 so one layer has one SRID and one spatial index; Lambert-93 is only
 * metric in metropolitan France, so distances and areas for overseas communes are computed in
 * their territory's legal CRS chosen here from the INSEE code.
 */
public enum LegalCrs {
    METROPOLE(2154, "RGF93 v1 / Lambert-93"),
    ANTILLES(5490, "RGAF09 / UTM zone 20N"),
    GUYANE(2972, "RGFG95 / UTM zone 22N"),
    REUNION(2975, "RGR92 / UTM zone 40S"),
    MAYOTTE(4471, "RGM04 / UTM zone 38S");

    private final int epsg;
    private final String label;

    LegalCrs(int epsg, String label) {
        this.epsg = epsg;
        this.label = label;
    }

    public int epsg() {
        return epsg;
    }

    public String label() {
        return label;
    }

    /** The legal CRS for a commune (or département) code such as "97411", "974", "2A004". */
    public static LegalCrs forCode(String inseeCode) {
        if (inseeCode == null || !inseeCode.startsWith("97")) {
            return METROPOLE;
        }
        if (inseeCode.length() < 3) {
            return METROPOLE;
        }
        return switch (inseeCode.charAt(2)) {
            case '1', '2' -> ANTILLES;   // Guadeloupe, Martinique
            case '3' -> GUYANE;
            case '4' -> REUNION;
            case '6' -> MAYOTTE;
            default -> METROPOLE;        // 975, 977, 978: collectivités, not in the national files
        };
    }

    /** True for the five overseas départements (DROM). */
    public static boolean isOverseas(String inseeCode) {
        return forCode(inseeCode) != METROPOLE;
    }
}
