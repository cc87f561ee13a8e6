package fr.carence.ogc.core;

import fr.carence.store.FeatureQuery;
import java.util.List;

/**
 * What one query reads from one layer, before paging.
 *
 * @param layer the layer
 * @param query bbox, filter (with the scenario selection), sort; no paging yet
 * @param attributes attributes to output, in schema order
 * @param geometry whether the geometry is output
 */
public record LayerSelection(ResolvedLayer layer, FeatureQuery query, List<String> attributes, boolean geometry) {

    /** True when neither a bbox nor a filter restricts the rows. */
    public boolean unrestricted() {
        return query.bbox() == null && query.filter() == null;
    }
}
