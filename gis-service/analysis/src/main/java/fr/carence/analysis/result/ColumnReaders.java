package fr.carence.analysis.result;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may read a column, as declared by the analysis on the column's one declaration (result
 * layers in {@link ResultColumns}, REST tables in {@code ResultLayers}): the role names of the
 * catalogue's read rules ({@code security/columns.properties}); empty = public. The start check
 * ({@code SecurityFilesCheck}) refuses a catalogue whose rules leave such a column to more roles
 * than declared. Ordered sets, so messages and the docs' table read the same on every run.
 */
public final class ColumnReaders {

    /** Everyone, anonymous callers included. */
    public static final Set<String> PUBLIC = Set.of();
    /** Derived from the candidate sites (pre-decisional): funders and administrators. */
    public static final Set<String> FUNDERS = of("FUNDER", "ADMIN");
    /** Any account, never anonymous callers (who ran a scenario, AMII porteurs). */
    public static final Set<String> ACCOUNTS = of("PLANNER", "FUNDER", "ADMIN");

    private ColumnReaders() {
    }

    static Set<String> of(String... roles) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(roles)));
    }

    /** "FUNDER/ADMIN", or "" for a public column. */
    public static String label(Set<String> readers) {
        return String.join("/", readers);
    }
}
