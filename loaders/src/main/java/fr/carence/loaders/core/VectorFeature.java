package fr.carence.loaders.core;

import org.locationtech.jts.geom.Geometry;

/** One feature of a vector file (GeoJSON or Shapefile), with its position for error messages. */
public interface VectorFeature {

    /** File name, for messages. */
    String file();

    /** 0-based position of the feature in its file. */
    long index();

    /** A property as stripped text, or null when absent, null or blank. */
    String text(String property);

    /** The geometry in {@link #srid()}, or null when the feature has none. */
    Geometry geometry();

    /** EPSG code of the file's CRS. */
    int srid();

    /** The first of several alternative property names that is present (e.g. "INSEE_COM", "code"). */
    default String firstText(String... names) {
        for (String n : names) {
            String v = text(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A property that must be present, else an error naming the feature and the property. */
    default String requiredText(String property, String id) {
        String v = text(property);
        if (v == null) {
            throw error(id, property, "propriété obligatoire manquante");
        }
        return v;
    }

    /** An error located at this feature; {@code id} is shown beside the index when known. */
    default LoadException error(String id, String field, String reason) {
        return LoadException.atFeature(file(), index(), id, field, reason);
    }
}
