package fr.carence.store.filter;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A filter on a layer's features: the store-side model of OGC Filter Encoding 2.0 (and of the
 * REST API's simple filters). The JDBC store compiles it to SQL where every value is a bound
 * parameter and every property name has been checked against the layer's schema.
 * Geometries are in the storage CRS (callers transform them first).
 */
public sealed interface Filter {

    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {
    }

    /** {@code property op value}; the value is converted to the attribute's type (error if impossible). */
    record Compare(String property, ComparisonOperator operator, Object value, boolean matchCase) implements Filter {
        public Compare(String property, ComparisonOperator operator, Object value) {
            this(property, operator, value, true);
        }
    }

    record Between(String property, Object lower, Object upper) implements Filter {
    }

    /** FES PropertyIsLike: pattern with its own wildcard, single-char and escape characters. */
    record Like(String property, String pattern, char wildCard, char singleChar, char escapeChar, boolean matchCase)
            implements Filter {
    }

    record IsNull(String property) implements Filter {
    }

    /** Features whose id attribute is one of the given values (FES ResourceId). */
    record ResourceIds(List<String> ids) implements Filter {
        public ResourceIds {
            ids = List.copyOf(ids);
        }
    }

    /**
     * Spatial predicate against the layer's geometry. {@code distance} is in metres of the
     * storage CRS and only used by {@link SpatialOperator#DWITHIN} and {@link SpatialOperator#BEYOND}.
     */
    record Spatial(SpatialOperator operator, Geometry geometry, double distance) implements Filter {
        public Spatial(SpatialOperator operator, Geometry geometry) {
            this(operator, geometry, 0);
        }
    }

    enum ComparisonOperator {
        EQ, NE, LT, LE, GT, GE;

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public ComparisonOperator mirrored() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    enum SpatialOperator { BBOX, INTERSECTS, WITHIN, CONTAINS, DISJOINT, TOUCHES, OVERLAPS, CROSSES, EQUALS, DWITHIN, BEYOND }
}
