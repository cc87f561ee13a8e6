package fr.carence.ogc.format;

import fr.carence.ogc.core.Numbers;

/** Attribute values as text (XML content, CSV cells): numbers without exponent, ISO dates. */
public final class ValueText {

    private ValueText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Numbers.format(d);
        }
        if (value instanceof Float f) {
            return Numbers.format(f);
        }
        return value.toString();
    }
}
