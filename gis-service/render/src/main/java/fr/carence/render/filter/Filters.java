package fr.carence.render.filter;

import fr.carence.render.style.Rule;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Helpers over store filters used by the renderer: property names, rule push-down. */
public final class Filters {

    private Filters() {
    }

    /** Adds the property names a filter reads to {@code out}. */
    public static void collectProperties(Filter f, Set<String> out) {
        if (f == null) {
            return;
        }
        if (f instanceof Filter.And and) {
            and.operands().forEach(o -> collectProperties(o, out));
        } else if (f instanceof Filter.Or or) {
            or.operands().forEach(o -> collectProperties(o, out));
        } else if (f instanceof Filter.Not not) {
            collectProperties(not.operand(), out);
        } else if (f instanceof Filter.Compare c) {
            out.add(c.property());
        } else if (f instanceof Filter.Between b) {
            out.add(b.property());
        } else if (f instanceof Filter.Like l) {
            out.add(l.property());
        } else if (f instanceof Filter.IsNull n) {
            out.add(n.property());
        }
        // ResourceIds and Spatial read the id and the geometry, which every query returns.
    }

    /**
     * The filter a store query can use to fetch only the features some rule will draw: the OR of
     * the rules' filters. Empty when a rule draws everything (no filter, or an ElseFilter).
     */
    public static Optional<Filter> pushDown(List<Rule> activeRules) {
        List<Filter> parts = new ArrayList<>();
        for (Rule r : activeRules) {
            if (r.filter() == null || r.elseFilter()) {
                return Optional.empty();
            }
            parts.add(r.filter());
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? parts.get(0) : new Filter.Or(parts));
    }

    /** AND of the non-null filters, or null. */
    public static Filter and(Filter a, Filter b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Filter.And(List.of(a, b));
    }
}
