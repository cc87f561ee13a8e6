package fr.carence.store;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from or written to a layer.
 *
 * @param id value of the layer's id attribute, as a string
 * @param geometry geometry in the storage CRS (or in the CRS a caller transformed it to), may be null
 * @param properties attribute values keyed by attribute name, in schema order (a {@code LinkedHashMap})
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {

    public Object get(String attribute) {
        return properties.get(attribute);
    }
}
