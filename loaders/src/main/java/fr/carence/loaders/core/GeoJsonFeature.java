package fr.carence.loaders.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature streamed from a GeoJSON file.
 *
 * @param file file name, for messages
 * @param index 0-based position in the file's "features" array
 * @param properties the "properties" object (a NullNode when absent)
 * @param geometry the geometry in {@link #srid}, or null when the feature has none
 * @param srid the file's CRS: 4326 (RFC 7946 lon/lat) unless a legacy "crs" member says otherwise
 */
public record GeoJsonFeature(String file, long index, JsonNode properties, Geometry geometry, int srid) implements VectorFeature {

    public GeoJsonFeature {
        properties = properties == null ? NullNode.getInstance() : properties;
    }

    @Override
    public String text(String property) {
        JsonNode v = properties.get(property);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
