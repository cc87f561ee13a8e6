package fr.carence.ogc.wfs;

import fr.carence.ogc.core.LayerSelection;
import fr.carence.ogc.crs.CrsName;
import java.util.List;

/**
 * A parsed GetFeature/GetPropertyValue query.
 *
 * @param selections one per requested type, in request order
 * @param crs CRS and axis order of the response geometries
 * @param startIndex STARTINDEX
 * @param count COUNT after the server maximum is applied
 * @param hits RESULTTYPE=hits
 */
public record WfsQuery(List<LayerSelection> selections, CrsName crs, long startIndex, long count, boolean hits) {
}
