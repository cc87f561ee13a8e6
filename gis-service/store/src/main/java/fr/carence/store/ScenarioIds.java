package fr.carence.store;

import java.util.regex.Pattern;

/**
 * What a scenario id is, for the whole project: the id of the default scenario, and the ids a
 * scenario may have (checked when one is created, and when a request names one to read, before it
 * reaches a query even as a bound value). The web map's generated ids follow the same rule.
 */
public final class ScenarioIds {

    /** The scenario computed at first start, shown when a request names none. */
    public static final String DEFAULT_ID = "defaut";
    /** The accepted ids, in words, for error messages. */
    public static final String RULE = "minuscules, chiffres, '-' ou '_', 40 caractères au plus";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private ScenarioIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
