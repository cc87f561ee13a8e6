package fr.carence.store;

import java.util.regex.Pattern;

/**
 * SQL identifiers (layer and attribute names) are never bound parameters, so they are only
 * accepted when they match a strict pattern; anything reaching SQL text has passed through here
 * or been looked up in a schema.
 */
public final class Identifiers {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String requireValid(String name, String what) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid " + what + " '" + name
                    + "': expected lower-case letters, digits and '_' (max 63), starting with a letter");
        }
        return name;
    }
}
