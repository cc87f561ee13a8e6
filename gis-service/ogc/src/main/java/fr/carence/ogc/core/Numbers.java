package fr.carence.ogc.core;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;

/**
 * Decimal text for coordinates and values: shortest round-trip form, never exponent notation.
 *
 * <p>The digits come from Jackson's port of the Schubfach algorithm (the one Java 19+ uses in
 * {@code Double.toString}): on Java 17, {@code Double.toString} is the older FloatingDecimal,
 * about twice as slow and the largest cost of a national GeoJSON response. Both give the same
 * text for every coordinate checked (4.4 million of the national communes in WGS 84, 15 million
 * random values in degree and metre ranges); they differ only where Java 17 is known to print
 * one digit more than needed (JDK-4511638, e.g. some values above 1e16), and there the text
 * here is the shorter one, still reading back to the same double.
 */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = DoubleToDecimal.toString(d);
        if (s.indexOf('E') < 0) {
            return s;
        }
        // Without the mantissa's ".0" (1.0E-5 is 0.00001, which used to come out as 0.000010).
        return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
}
