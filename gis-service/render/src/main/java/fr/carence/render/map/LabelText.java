package fr.carence.render.map;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns a property value into label text: integers without decimals, others with at most two. */
final class LabelText {

    private LabelText() {
    }

    static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            BigDecimal bd = BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            // French decimal comma: the maps are read by French users.
            return bd.toPlainString().replace('.', ',');
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
