package fr.carence.store;

import java.util.List;
import java.util.Optional;

/**
 * Shape of a layer: its attributes (in order), its geometry type and the attribute that
 * identifies a feature. The geometry column is always named {@link #GEOMETRY_COLUMN} and stored
 * in {@link FeatureStore#STORAGE_SRID}.
 *
 * @param name layer (table) name: lower-case ASCII snake_case, checked by {@link Identifiers}
 * @param attributes non-geometry attributes, in output order
 * @param geometryType geometry type, or {@link GeometryType#NONE} for a plain table
 * @param idAttribute name of the attribute holding the feature id (unique, not null)
 */
public record LayerSchema(String name, List<Attribute> attributes, GeometryType geometryType, String idAttribute) {

    public static final String GEOMETRY_COLUMN = "geom";

    public LayerSchema {
        Identifiers.requireValid(name, "layer name");
        attributes = List.copyOf(attributes);
        for (Attribute a : attributes) {
            Identifiers.requireValid(a.name(), "attribute name in layer " + name);
        }
        if (idAttribute == null || attribute(attributes, idAttribute).isEmpty()) {
            throw new IllegalArgumentException("layer " + name + ": id attribute '" + idAttribute + "' is not one of its attributes");
        }
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attribute(attributes, attributeName);
    }

    public boolean hasGeometry() {
        return geometryType != GeometryType.NONE;
    }

    private static Optional<Attribute> attribute(List<Attribute> attributes, String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** One non-geometry attribute. */
    public record Attribute(String name, AttributeType type, boolean nullable) {
        public static Attribute required(String name, AttributeType type) {
            return new Attribute(name, type, false);
        }

        public static Attribute optional(String name, AttributeType type) {
            return new Attribute(name, type, true);
        }
    }

    public enum AttributeType {
        STRING(String.class), INTEGER(Integer.class), LONG(Long.class), DOUBLE(Double.class),
        BOOLEAN(Boolean.class), DATE(java.time.LocalDate.class), TIMESTAMP(java.time.Instant.class);

        private final Class<?> javaType;

        AttributeType(Class<?> javaType) {
            this.javaType = javaType;
        }

        public Class<?> javaType() {
            return javaType;
        }
    }

    public enum GeometryType {
        POINT, MULTIPOINT, LINESTRING, MULTILINESTRING, POLYGON, MULTIPOLYGON, GEOMETRY, NONE
    }
}
