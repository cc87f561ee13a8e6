package fr.carence.api.dossier;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * French typography of the dossiers: numbers with a thin no-break space between thousands and a
 * decimal comma ("12 345,6"), a no-break space before « : » and a narrow one before « ; ? ! », so
 * that a line never starts with a colon. Numbers are rounded half-up to the decimals given, which
 * the dossier states next to each figure's unit; the tests re-derive every figure from the WFS
 * with the same number of decimals.
 */
public final class FrenchText {

    /** U+202F, the thousands separator and the space before ; ? ! in French typography. */
    public static final char ESPACE_FINE = '\u202F';
    /** U+00A0, the space before : and between a number and its unit. */
    public static final char ESPACE_INSECABLE = '\u00A0';
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private FrenchText() {
    }

    /** A number with {@code decimals} decimals, French separators ("1 234,5"); "–" for null. */
    public static String number(Object value, int decimals) {
        if (!(value instanceof Number n)) {
            return "–";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
        symbols.setGroupingSeparator(ESPACE_FINE);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('−');
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        double d = n.doubleValue();
        String s = f.format(d);
        // "-0" after rounding is 0.
        return s.equals("−" + f.format(0)) ? f.format(0) : s;
    }

    /** A share (0–1) as a percentage with {@code decimals} decimals: "12,5 %". */
    public static String percent(Object share, int decimals) {
        if (!(share instanceof Number n)) {
            return "–";
        }
        return number(n.doubleValue() * 100, decimals) + ESPACE_INSECABLE + "%";
    }

    /** A parameter value as a planner reads it: numbers in French, booleans as oui / non. */
    public static String value(Object v) {
        if (v == null) {
            return "aucune";
        }
        if (v instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? number(d, 0) : number(d, 3).replaceAll(",?0+$", "");
        }
        return v.toString();
    }

    /** "6 décembre 2026" in Paris time. */
    public static String date(Instant t) {
        return t == null ? "date inconnue" : DATE.format(t.atZone(PARIS));
    }

    /** "6 décembre 2026 à 21h15" in Paris time. */
    public static String dateTime(Instant t) {
        return t == null ? "date inconnue" : DATE_HEURE.format(t.atZone(PARIS));
    }

    /**
     * French punctuation spacing in running text: any plain space before « : » becomes a no-break
     * space, before « ; ? ! » a narrow no-break space, and one is added where none was written.
     * A sign followed by anything but a space is not punctuation and is left alone.
     */
    public static String typo(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == ';' || c == '?' || c == '!') {
                char space = c == ':' ? ESPACE_INSECABLE : ESPACE_FINE;
                int last = out.length() - 1;
                // Punctuation only when a space or the end follows: "EPSG:2154", "defaut:zone-3",
                // "https://" and "21:15" keep their colon as written.
                boolean punctuation = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
                if (punctuation && last >= 0) {
                    char before = out.charAt(last);
                    if (before == ' ' || before == ESPACE_INSECABLE || before == ESPACE_FINE) {
                        out.setCharAt(last, space);
                    } else if (Character.isLetterOrDigit(before) || before == ')' || before == '»') {
                        out.append(space);
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
