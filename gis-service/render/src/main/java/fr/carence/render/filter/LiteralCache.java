package fr.carence.render.filter;

import fr.carence.store.filter.Filter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parsed forms of filter literals (numbers, Like patterns), reused across features: a style's
 * rule is evaluated on every feature of every map, and parsing its literal each time cost more
 * than the comparison. Bounded: once full, further literals (e.g. from ad-hoc query filters) are
 * parsed on each use rather than kept.
 */
final class LiteralCache {

    private static final int MAX_ENTRIES = 4096;
    private static final Map<String, Optional<Double>> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<Filter.Like, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private LiteralCache() {
    }

    /** The literal as a number, or empty when it is not one. */
    static Optional<Double> number(String literal) {
        return cached(NUMBERS, literal, LiteralCache::parse);
    }

    static Pattern likePattern(Filter.Like like, Function<Filter.Like, Pattern> compile) {
        return cached(PATTERNS, like, compile);
    }

    private static <K, V> V cached(Map<K, V> map, K key, Function<K, V> compute) {
        V v = map.get(key);
        if (v != null) {
            return v;
        }
        v = compute.apply(key);
        if (map.size() < MAX_ENTRIES) {
            map.putIfAbsent(key, v);
        }
        return v;
    }

    private static Optional<Double> parse(String literal) {
        try {
            return Optional.of(Double.parseDouble(literal.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
