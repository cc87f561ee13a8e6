package fr.carence.ogc.core;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.ScenarioIds;
import fr.carence.store.filter.Filter;
import java.util.List;
import java.util.Optional;

/**
 * Result layers hold every scenario; a request reads one. The vendor parameter {@code SCENARIO}
 * names it; a filter that mentions the scenario column chooses for itself; otherwise the default
 * scenario ({@link ScenarioIds#DEFAULT_ID}) is selected. The parameter and its check for every
 * OGC protocol (WFS, WMS, OGC API Features and Tiles); what an id is, is {@link ScenarioIds}'s.
 */
public final class ScenarioSelection {

    public static final String PARAMETER = "SCENARIO";

    private ScenarioSelection() {
    }

    /** The SCENARIO the request names, validated; empty when it names none. */
    public static Optional<String> requested(OwsRequest request) {
        return validated(request.get(PARAMETER), PARAMETER);
    }

    /** A scenario id given in the named parameter (OGC API's {@code scenario}), validated; empty when absent. */
    public static Optional<String> validated(Optional<String> value, String parameter) {
        Optional<String> s = value.map(String::trim);
        if (s.isPresent() && !ScenarioIds.isValid(s.get())) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, parameter,
                    "Identifiant de scénario invalide (paramètre " + parameter + ") : « " + s.get()
                            + " » (" + ScenarioIds.RULE + ").");
        }
        return s;
    }

    /** The filter restricted to the selected scenario (unchanged for layers without scenarios). */
    public static Filter apply(PublishedLayer layer, Filter filter, Optional<String> scenarioParameter) {
        String column = layer.scenarioColumn();
        if (column == null) {
            return filter;
        }
        if (scenarioParameter.isEmpty() && filter != null && mentions(filter, column)) {
            return filter;
        }
        Filter scenario = new Filter.Compare(column, Filter.ComparisonOperator.EQ, scenarioParameter.orElse(ScenarioIds.DEFAULT_ID));
        return filter == null ? scenario : new Filter.And(List.of(scenario, filter));
    }

    static boolean mentions(Filter f, String column) {
        if (f instanceof Filter.And a) {
            return a.operands().stream().anyMatch(o -> mentions(o, column));
        }
        if (f instanceof Filter.Or o) {
            return o.operands().stream().anyMatch(x -> mentions(x, column));
        }
        if (f instanceof Filter.Not n) {
            return mentions(n.operand(), column);
        }
        if (f instanceof Filter.Compare c) {
            return c.property().equals(column);
        }
        if (f instanceof Filter.Between b) {
            return b.property().equals(column);
        }
        if (f instanceof Filter.Like l) {
            return l.property().equals(column);
        }
        if (f instanceof Filter.IsNull n) {
            return n.property().equals(column);
        }
        return false;
    }
}
