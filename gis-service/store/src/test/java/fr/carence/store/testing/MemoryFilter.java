package fr.carence.store.testing;

import fr.carence.store.Feature;
import fr.carence.store.filter.Filter;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Evaluates a {@link Filter} on one feature in memory, for {@link MemoryFeatureStore}: And,
 * comparisons, IsNull and ResourceIds, the kinds the in-memory tests query with. Like SQL, a
 * comparison with an absent (null) value is false.
 */
final class MemoryFilter {

    private MemoryFilter() {
    }

    static boolean matches(Filter filter, Feature f) {
        if (filter instanceof Filter.And a) {
            return a.operands().stream().allMatch(o -> matches(o, f));
        }
        if (filter instanceof Filter.Compare c) {
            return compare(f.get(c.property()), c);
        }
        if (filter instanceof Filter.IsNull n) {
            return f.get(n.property()) == null;
        }
        if (filter instanceof Filter.ResourceIds r) {
            return r.ids().contains(f.id());
        }
        // The full evaluator is fr.carence.render.filter.FeatureFilterEvaluator, which the store
        // module cannot depend on; tests of other filters run on the JDBC stores (BothStores).
        throw new UnsupportedOperationException("filter not supported by the memory store: " + filter);
    }

    private static boolean compare(Object v, Filter.Compare c) {
        if (v == null || c.value() == null) {
            return false;
        }
        if (c.operator() == Filter.ComparisonOperator.EQ || c.operator() == Filter.ComparisonOperator.NE) {
            boolean equal = v instanceof String s && c.value() instanceof String t && !c.matchCase()
                    ? s.equalsIgnoreCase(t)
                    : order(v, c.value()) == 0;
            return equal == (c.operator() == Filter.ComparisonOperator.EQ);
        }
        int o = v instanceof String s && c.value() instanceof String t && !c.matchCase()
                ? s.compareToIgnoreCase(t)
                : order(v, c.value());
        return switch (c.operator()) {
            case LT -> o < 0;
            case LE -> o <= 0;
            case GT -> o > 0;
            case GE -> o >= 0;
            default -> throw new IllegalStateException(c.operator().name());
        };
    }

    /** Numbers compare by value whatever their boxed type (an INTEGER column against a Long literal). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int order(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) {
            return ca.compareTo(b);
        }
        return Objects.equals(a, b) ? 0 : String.valueOf(a).compareTo(String.valueOf(b));
    }
}
