package fr.carence.ogc.format;

import fr.carence.ogc.crs.CrsName;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a GetFeature response holds, known before the first feature is written.
 *
 * @param workspace namespace prefix
 * @param namespaceUri namespace URI of the feature types
 * @param timeStamp response time
 * @param numberMatched features matching the query, or empty when unknown (huge unfiltered table)
 * @param numberReturned features in this response
 * @param next URL of the next page, or null
 * @param previous URL of the previous page, or null
 * @param crs CRS (and axis order) of the geometries
 * @param schemaLocation DescribeFeatureType URL for the feature types, or null
 * @param layers features per layer, in request order
 */
public record FeatureCollectionResult(String workspace, String namespaceUri, Instant timeStamp, OptionalLong numberMatched,
                                      long numberReturned, String next, String previous, CrsName crs,
                                      String schemaLocation, List<LayerFeatures> layers) {
}
