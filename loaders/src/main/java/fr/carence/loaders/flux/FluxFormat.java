package fr.carence.loaders.flux;

import fr.carence.loaders.core.LoadException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two INSEE publications of home–work commuting, recognised from their header:
 * the detail file FD_MOBPRO (one weighted record per commuter sample) and the aggregated
 * "base flux de mobilité" (one row per origin–destination pair, the year in a column name).
 */
enum FluxFormat {
    DETAIL, BASE;

    static final String COMMUNE = "COMMUNE";
    static final String DCLT = "DCLT";
    static final String IPONDI = "IPONDI";
    static final String TRANS = "TRANS";
    /** Socio-professional category (1–6) of the commuter, optional in the detail file. */
    static final String CS1 = "CS1";
    static final String CODGEO = "CODGEO";

    /** NBFLUX_C17_ACTOCC15P: the employed aged 15+ of RP 2017. */
    private static final Pattern FLUX_COLUMN = Pattern.compile("NBFLUX_C(\\d{2})_ACTOCC15P");

    static FluxFormat detect(String file, List<String> header) {
        if (header.size() == 1) {
            for (String other : List.of("\t", "|")) {
                if (header.get(0).contains(other)) {
                    throw LoadException.atLine(file, 1, null, "séparateur « " + (other.equals("\t") ? "tabulation" : other)
                            + " » trouvé là où « ; » (INSEE) ou « , » est attendu");
                }
            }
        }
        if (header.contains(IPONDI) || header.contains(TRANS)) {
            return DETAIL;
        }
        if (header.contains(CODGEO) || fluxColumn(header).isPresent()) {
            return BASE;
        }
        throw LoadException.atLine(file, 1, null, "en-tête non reconnu : ni fichier détail FD_MOBPRO (COMMUNE, DCLT, IPONDI, TRANS)"
                + " ni base flux de mobilité (CODGEO, DCLT, NBFLUX_Caa_ACTOCC15P) ; colonnes trouvées : " + String.join(", ", header));
    }

    /** The NBFLUX column of the aggregated base, if any. */
    static Optional<String> fluxColumn(List<String> header) {
        return header.stream().filter(h -> FLUX_COLUMN.matcher(h).matches()).findFirst();
    }

    /** "2017" from NBFLUX_C17_ACTOCC15P. */
    static String yearOf(String fluxColumn) {
        Matcher m = FLUX_COLUMN.matcher(fluxColumn);
        if (!m.matches()) {
            throw new IllegalArgumentException(fluxColumn);
        }
        return "20" + m.group(1);
    }

    /** "2017" from FD_MOBPRO_2017.csv or fd-mobpro-2017-….csv, when the name says it. */
    static Optional<String> yearFromFileName(String fileName) {
        Matcher m = Pattern.compile("(?i)mobpro[_-]?(\\d{4})").matcher(fileName);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
