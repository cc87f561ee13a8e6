package fr.carence.loaders.core;

/**
 * Parses numeric cells following a {@link NumberStyle}. Errors are {@link LoadException}s built
 * by the caller's {@link Location}, so they name the file, line and field.
 */
public final class Numbers {

    private Numbers() {
    }

    /** Where a value comes from, to build the error. */
    @FunctionalInterface
    public interface Location {
        LoadException error(String reason);
    }

    /** A decimal value, or null when the cell is empty (or "-" where the style allows it). */
    public static Double decimal(String raw, NumberStyle style, Location where) {
        String s = clean(raw, style);
        if (s == null) {
            return null;
        }
        if (style.decimalComma()) {
            if (s.indexOf('.') >= 0 && s.indexOf(',') >= 0) {
                throw where.error("nombre illisible « " + raw + " » (point et virgule mélangés)");
            }
            s = s.replace(',', '.');
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) || Double.isInfinite(d) || s.chars().anyMatch(Character::isLetter)) {
                throw new NumberFormatException(s);
            }
            return d;
        } catch (NumberFormatException e) {
            throw where.error("nombre attendu, trouvé « " + raw + " »");
        }
    }

    /** A count (non-negative whole number), or null when empty. "12,0" is accepted as 12. */
    public static Long count(String raw, NumberStyle style, Location where) {
        Double d = decimal(raw, style, where);
        if (d == null) {
            return null;
        }
        if (d < 0) {
            throw where.error("effectif négatif (" + raw.strip() + ")");
        }
        if (d != Math.rint(d) || d > Long.MAX_VALUE) {
            throw where.error("nombre entier attendu, trouvé « " + raw.strip() + " »");
        }
        return (long) (double) d;
    }

    /** A non-negative decimal quantity (e.g. weighted commuters), or null when empty. */
    public static Double nonNegative(String raw, NumberStyle style, Location where) {
        Double d = decimal(raw, style, where);
        if (d != null && d < 0) {
            throw where.error("valeur négative (" + raw.strip() + ")");
        }
        return d;
    }

    private static String clean(String raw, NumberStyle style) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (style.groupingSpaces()) {
            s = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        }
        if (s.isEmpty()) {
            return null;
        }
        if (style.dashIsEmpty() && (s.equals("-") || s.equals("\u2013"))) {
            return null;
        }
        return s;
    }
}
