package fr.carence.render.style;

import fr.carence.store.filter.Filter;
import java.util.List;

/**
 * An SLD rule: which features (filter or else-filter), at which scales, drawn how.
 *
 * @param name rule name
 * @param title French title, shown in legends
 * @param filter the rule's filter, or null for "every feature"
 * @param elseFilter true for an ElseFilter rule: applies to features no other rule of the pass matched
 * @param minScaleDenominator inclusive lower bound, 0 when absent
 * @param maxScaleDenominator exclusive upper bound, {@link Double#POSITIVE_INFINITY} when absent
 * @param symbolizers what to draw, in order
 */
public record Rule(String name, String title, Filter filter, boolean elseFilter,
                   double minScaleDenominator, double maxScaleDenominator, List<Symbolizer> symbolizers) {

    public Rule {
        symbolizers = List.copyOf(symbolizers);
    }

    /** SLD 1.0 §10.2.3: min inclusive, max exclusive. */
    public boolean appliesAtScale(double scaleDenominator) {
        return scaleDenominator >= minScaleDenominator && scaleDenominator < maxScaleDenominator;
    }

    /** Legend label: the title, else the name, else empty. */
    public String label() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        return name == null ? "" : name;
    }
}
