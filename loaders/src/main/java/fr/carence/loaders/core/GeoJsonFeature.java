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
public record GeoJsonFeature(String file, long index, JsonNode properties, Geometry geometry, int srid) {

    public GeoJsonFeature {
        properties = properties == null ? NullNode.getInstance() : properties;
    }

    /** A property as text, or null when absent, null or blank. */
    public String text(String property) {
        JsonNode v = properties.get(property);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The first of several alternative property names that is present (e.g. "INSEE_COM", "code"). */
    public String firstText(String... names) {
        for (String n : names) {
            String v = text(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A property that must be present, else an error naming the feature and the property. */
    public String requiredText(String property, String id) {
        String v = text(property);
        if (v == null) {
            throw error(id, property, "propriété obligatoire manquante");
        }
        return v;
    }

    public LoadException error(String id, String field, String reason) {
        return LoadException.atFeature(file, index, id, field, reason);
    }
}
