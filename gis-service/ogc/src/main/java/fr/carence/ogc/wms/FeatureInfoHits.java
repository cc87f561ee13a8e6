package fr.carence.ogc.wms;

import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.Feature;
import java.util.List;

/**
 * The features found by GetFeatureInfo on one layer; geometries are in the request CRS.
 *
 * @param qualifiedName the layer name as in capabilities
 */
public record FeatureInfoHits(PublishedLayer layer, String qualifiedName, List<Feature> features) {
}
