package fr.carence.ogc.core;

import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Splits STARTINDEX/COUNT over the requested types (in order, as one sequence) and works out
 * numberMatched/numberReturned before any feature is written, so the collection header is exact.
 *
 * <p>Counting is exact, except for one unrestricted type whose table the store estimates above
 * {@code exactCountLimit} rows: counting it would scan the table, so numberMatched is "unknown"
 * and whether the page is full is found by probing the page's last row.
 */
public final class Pager {

    private final FeatureStore store;
    private final long exactCountLimit;

    public Pager(FeatureStore store, long exactCountLimit) {
        this.store = store;
        this.exactCountLimit = exactCountLimit;
    }

    /** True when the selection is unrestricted over a table estimated above the exact-count limit. */
    public boolean isHuge(LayerSelection s) {
        if (!s.unrestricted()) {
            return false;
        }
        OptionalLong estimate = store.estimatedCount(s.layer().storeLayer());
        return estimate.isPresent() && estimate.getAsLong() > exactCountLimit;
    }

    /** numberMatched for RESULTTYPE=hits: exact, or the store's estimate for a huge unrestricted table. */
    public long hits(List<LayerSelection> selections) {
        long total = 0;
        for (LayerSelection s : selections) {
            total += isHuge(s) ? store.estimatedCount(s.layer().storeLayer()).getAsLong()
                    : store.count(s.layer().storeLayer(), s.query());
        }
        return total;
    }

    public PagePlan plan(List<LayerSelection> selections, long startIndex, long count) {
        if (selections.size() == 1 && isHuge(selections.get(0))) {
            return planHuge(selections.get(0), startIndex, count);
        }
        long matched = 0;
        long skip = startIndex;
        long remaining = count;
        List<PagePlan.Part> parts = new ArrayList<>();
        for (LayerSelection s : selections) {
            long n = store.count(s.layer().storeLayer(), s.query());
            matched += n;
            if (skip >= n) {
                skip -= n;
                continue;
            }
            long take = Math.min(remaining, n - skip);
            if (take > 0) {
                parts.add(new PagePlan.Part(s, s.query().withPage(skip, take)));
                remaining -= take;
            }
            skip = 0;
        }
        long returned = count - remaining;
        return new PagePlan(OptionalLong.of(matched), returned, parts, startIndex + returned < matched);
    }

    private PagePlan planHuge(LayerSelection s, long startIndex, long count) {
        if (count == 0) {
            return new PagePlan(OptionalLong.empty(), 0, List.of(), true);
        }
        FeatureQuery probe = s.query().withProperties(List.of(s.layer().schema().idAttribute())).withoutGeometry()
                .withPage(startIndex + count - 1, 1);
        boolean full;
        try (FeatureCursor c = store.query(s.layer().storeLayer(), probe)) {
            full = c.hasNext();
        }
        if (full) {
            return new PagePlan(OptionalLong.empty(), count,
                    List.of(new PagePlan.Part(s, s.query().withPage(startIndex, count))), true);
        }
        // The page reaches the end of the table: the tail is short, count it exactly.
        long matched = store.count(s.layer().storeLayer(), s.query());
        long returned = Math.max(0, Math.min(count, matched - startIndex));
        List<PagePlan.Part> parts = returned == 0 ? List.of()
                : List.of(new PagePlan.Part(s, s.query().withPage(startIndex, returned)));
        return new PagePlan(OptionalLong.of(matched), returned, parts, false);
    }
}
