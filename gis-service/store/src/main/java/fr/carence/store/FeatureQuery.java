package fr.carence.store;

import fr.carence.store.filter.Filter;
import java.time.Duration;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * What to read from a layer. Built with {@link #all()} and the {@code with*} methods.
 *
 * @param bbox envelope in the storage CRS, or null (uses the spatial index: {@code geom && box})
 * @param filter attribute/spatial filter compiled to SQL with bound parameters, or null
 * @param properties attributes to return (null = all; the id attribute is always returned)
 * @param sortBy sort keys (the id attribute is appended as a tie-breaker so paging is stable)
 * @param offset rows to skip (WFS STARTINDEX)
 * @param limit maximum rows, or -1 for no limit
 * @param includeGeometry false to skip reading the geometry column
 * @param timeout longest time the database may spend on the statement (JDBC query timeout,
 *                rounded up to whole seconds), or null for none; exceeding it throws
 *                {@link QueryTimeoutException}
 */
public record FeatureQuery(Envelope bbox, Filter filter, List<String> properties, List<SortKey> sortBy,
                           long offset, long limit, boolean includeGeometry, Duration timeout) {

    public FeatureQuery {
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        properties = properties == null ? null : List.copyOf(properties);
        if (offset < 0) {
            throw new InvalidQueryException("STARTINDEX", "start index must be >= 0, got " + offset);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new QueryTimeoutException("the query's time budget is already spent");
        }
    }

    /** A query without timeout (the form before timeouts existed). */
    public FeatureQuery(Envelope bbox, Filter filter, List<String> properties, List<SortKey> sortBy,
                        long offset, long limit, boolean includeGeometry) {
        this(bbox, filter, properties, sortBy, offset, limit, includeGeometry, null);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, null, null, List.of(), 0, -1, true, null);
    }

    public FeatureQuery withBbox(Envelope box) {
        return new FeatureQuery(box, filter, properties, sortBy, offset, limit, includeGeometry, timeout);
    }

    public FeatureQuery withFilter(Filter f) {
        return new FeatureQuery(bbox, f, properties, sortBy, offset, limit, includeGeometry, timeout);
    }

    public FeatureQuery withProperties(List<String> names) {
        return new FeatureQuery(bbox, filter, names, sortBy, offset, limit, includeGeometry, timeout);
    }

    public FeatureQuery withSort(List<SortKey> keys) {
        return new FeatureQuery(bbox, filter, properties, keys, offset, limit, includeGeometry, timeout);
    }

    public FeatureQuery withPage(long newOffset, long newLimit) {
        return new FeatureQuery(bbox, filter, properties, sortBy, newOffset, newLimit, includeGeometry, timeout);
    }

    public FeatureQuery withoutGeometry() {
        return new FeatureQuery(bbox, filter, properties, sortBy, offset, limit, false, timeout);
    }

    /** The same query with a statement timeout (null = none). */
    public FeatureQuery withTimeout(Duration newTimeout) {
        return new FeatureQuery(bbox, filter, properties, sortBy, offset, limit, includeGeometry, newTimeout);
    }

    /** The timeout in whole seconds for {@code Statement.setQueryTimeout} (rounded up), 0 = none. */
    public int timeoutSeconds() {
        if (timeout == null) {
            return 0;
        }
        long ms = timeout.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (ms + 999) / 1000));
    }

    public record SortKey(String property, boolean ascending) {
    }
}
