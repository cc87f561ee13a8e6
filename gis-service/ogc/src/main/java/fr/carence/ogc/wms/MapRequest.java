package fr.carence.ogc.wms;

import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.render.map.MapLayer;
import fr.carence.render.map.MapViewport;
import fr.carence.render.style.Style;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The map part of a GetMap or GetFeatureInfo request, validated.
 *
 * @param layers requested layers, in drawing order (first = bottom)
 * @param styles the style of each layer (same size as layers)
 * @param crs request CRS
 * @param bbox extent with x = easting/longitude (axis order already resolved)
 * @param format output format, null when not given (GetFeatureInfo)
 * @param background BGCOLOR (default white)
 * @param scenario the scenario shown on result layers
 * @param withData for each layer, whether its table exists
 */
record MapRequest(List<PublishedLayer> layers, List<Style> styles, WmsCrs crs, Envelope bbox, int width, int height,
                  MapImageWriter format, boolean transparent, Color background, String scenario, List<Boolean> withData) {

    MapViewport viewport() {
        return new MapViewport(bbox, crs.epsg(), crs.geographic(), width, height);
    }

    /** The layers to draw (those with a table), each with its style and scenario filter. */
    List<MapLayer> mapLayers() {
        List<MapLayer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (withData.get(i)) {
                PublishedLayer l = layers.get(i);
                out.add(new MapLayer(l.storeLayer(), styles.get(i), WmsLayers.scenarioFilter(l, scenario)));
            }
        }
        return out;
    }

    /** Background of the image: null (transparent) when TRANSPARENT=TRUE and the format has alpha. */
    Color backgroundOrNull() {
        return transparent && (format == null || format.supportsTransparency()) ? null : background;
    }
}
