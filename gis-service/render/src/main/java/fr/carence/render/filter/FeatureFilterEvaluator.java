package fr.carence.render.filter;

import fr.carence.store.Feature;
import fr.carence.store.filter.Filter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * Evaluates a store {@link Filter} in memory on one feature, with the store's conversion rule:
 * a literal is compared as a number when the property holds a number, as a boolean for booleans,
 * else as text. A comparison involving a null (or absent) property is false, as in SQL and FES.
 */
public final class FeatureFilterEvaluator {

    private FeatureFilterEvaluator() {
    }

    public static boolean matches(Filter filter, Feature feature) {
        return matches(filter, feature.id(), feature.properties(), feature.geometry());
    }

    public static boolean matches(Filter filter, String id, Map<String, Object> props, Geometry geometry) {
        if (filter == null) {
            return true;
        }
        // Loops rather than streams: this runs per feature and per rule on every map.
        if (filter instanceof Filter.And and) {
            for (Filter f : and.operands()) {
                if (!matches(f, id, props, geometry)) {
                    return false;
                }
            }
            return true;
        }
        if (filter instanceof Filter.Or or) {
            for (Filter f : or.operands()) {
                if (matches(f, id, props, geometry)) {
                    return true;
                }
            }
            return false;
        }
        if (filter instanceof Filter.Not not) {
            return !matches(not.operand(), id, props, geometry);
        }
        if (filter instanceof Filter.Compare c) {
            return compare(props.get(c.property()), c.operator(), c.value(), c.matchCase());
        }
        if (filter instanceof Filter.Between b) {
            Object v = props.get(b.property());
            return v != null && compareValues(v, b.lower(), true) >= 0 && compareValues(v, b.upper(), true) <= 0;
        }
        if (filter instanceof Filter.Like l) {
            Object v = props.get(l.property());
            return v != null && LiteralCache.likePattern(l, FeatureFilterEvaluator::likePattern).matcher(v.toString()).matches();
        }
        if (filter instanceof Filter.IsNull n) {
            return props.get(n.property()) == null;
        }
        if (filter instanceof Filter.ResourceIds r) {
            return id != null && r.ids().contains(id);
        }
        Filter.Spatial s = (Filter.Spatial) filter;
        return geometry != null && spatial(s, geometry);
    }

    private static boolean compare(Object value, Filter.ComparisonOperator op, Object literal, boolean matchCase) {
        if (value == null || literal == null) {
            return false;
        }
        int c = compareValues(value, literal, matchCase);
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** Compares a property value with a literal converted to the value's type. */
    static int compareValues(Object value, Object literal, boolean matchCase) {
        if (value instanceof Number n) {
            Double lit = asDouble(literal);
            if (lit != null) {
                return Double.compare(n.doubleValue(), lit);
            }
        }
        if (value instanceof Boolean b) {
            return Boolean.compare(b, Boolean.parseBoolean(literal.toString().trim()));
        }
        String a = value.toString();
        String l = literal.toString();
        return matchCase ? a.compareTo(l) : a.toLowerCase(Locale.ROOT).compareTo(l.toLowerCase(Locale.ROOT));
    }

    private static Double asDouble(Object literal) {
        if (literal instanceof Number n) {
            return n.doubleValue();
        }
        return LiteralCache.number(literal.toString()).orElse(null);
    }

    /** FES Like pattern to a Java regex: wildcard, single char and escape are the filter's own. */
    static Pattern likePattern(Filter.Like like) {
        StringBuilder re = new StringBuilder();
        String p = like.pattern();
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch == like.escapeChar() && i + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else if (ch == like.wildCard()) {
                re.append(".*");
            } else if (ch == like.singleChar()) {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        int flags = Pattern.DOTALL | (like.matchCase() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(re.toString(), flags);
    }

    private static boolean spatial(Filter.Spatial s, Geometry g) {
        Geometry o = s.geometry();
        return switch (s.operator()) {
            case BBOX -> g.getEnvelopeInternal().intersects(o.getEnvelopeInternal()) && g.intersects(o);
            case INTERSECTS -> g.intersects(o);
            case WITHIN -> g.within(o);
            case CONTAINS -> g.contains(o);
            case DISJOINT -> g.disjoint(o);
            case TOUCHES -> g.touches(o);
            case OVERLAPS -> g.overlaps(o);
            case CROSSES -> g.crosses(o);
            case EQUALS -> g.equalsTopo(o);
            case DWITHIN -> g.isWithinDistance(o, s.distance());
            case BEYOND -> !g.isWithinDistance(o, s.distance());
        };
    }
}
