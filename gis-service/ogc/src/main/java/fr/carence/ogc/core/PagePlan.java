package fr.carence.ogc.core;

import fr.carence.store.FeatureQuery;
import java.util.List;
import java.util.OptionalLong;

/**
 * How a page of a (possibly multi-type) query is read.
 *
 * @param numberMatched total matches over all types, empty when not counted (huge unfiltered table)
 * @param numberReturned features in this page
 * @param parts per type: the selection and the paged query to run (types entirely before the
 *              page's start or after its end are left out)
 * @param more whether features exist after this page
 */
public record PagePlan(OptionalLong numberMatched, long numberReturned, List<Part> parts, boolean more) {

    public record Part(LayerSelection selection, FeatureQuery query) {
    }
}
