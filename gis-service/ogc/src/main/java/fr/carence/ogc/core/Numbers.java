package fr.carence.ogc.core;

import java.math.BigDecimal;

/** Decimal text for coordinates and values: shortest round-trip form, never exponent notation. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.indexOf('E') < 0) {
            return s;
        }
        return BigDecimal.valueOf(d).toPlainString();
    }
}
