package fr.carence.ogc.wms;

import java.util.List;

/**
 * What a GetFeatureInfo answer holds, for its {@link FeatureInfoWriter}.
 *
 * @param hits         per queried layer, the features found (only the columns the caller may read)
 * @param crs          the request CRS (GML geometries are written in it, in its axis order)
 * @param workspace    the catalogue's namespace prefix ({@code carence})
 * @param namespaceUri the catalogue's namespace URI
 */
public record FeatureInfoResult(List<FeatureInfoHits> hits, WmsCrs crs, String workspace, String namespaceUri) {
}
