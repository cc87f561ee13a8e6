package fr.carence.loaders.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the CRS of a Shapefile's .prj (WKT1, often in the ESRI dialect with no EPSG
 * authority, as in IGN ADMIN EXPRESS): an explicit EPSG authority when present, else the names of
 * the CRS the French publishers use. Anything else is refused rather than guessed.
 */
public final class PrjCrs {

    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\]\\s*$");

    private PrjCrs() {
    }

    /** The EPSG code, or -1 when the WKT is not one of the recognised CRS. */
    public static int epsg(String wkt) {
        String text = wkt.strip();
        Matcher m = AUTHORITY.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        int comma = text.indexOf(',');
        String head = (comma < 0 ? text : text.substring(0, comma)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\[]", "");
        if (head.startsWith("projcs[")) {
            if (head.contains("lambert93")) {
                return 2154;
            }
            if (head.contains("rgaf09") && head.contains("utmzone20n")) {
                return 5490;
            }
            if (head.contains("rgfg95") && head.contains("utmzone22n")) {
                return 2972;
            }
            if (head.contains("rgr92") && head.contains("utmzone40s")) {
                return 2975;
            }
            if (head.contains("rgm04") && head.contains("utmzone38s")) {
                return 4471;
            }
            return -1;
        }
        if (head.startsWith("geogcs[")) {
            if (head.contains("wgs84") || head.contains("wgs1984")) {
                return 4326;
            }
            if (head.contains("rgf93") || head.contains("rgf1993")) {
                return 4171;
            }
        }
        return -1;
    }
}
