package fr.carence.ogc.features;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.OgcCoordinates;
import fr.carence.ogc.fes.FesFilterParser;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import fr.carence.store.filter.Filter.SpatialOperator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds the store's {@link Filter} model from CQL2 predicates, for both encodings (text and
 * JSON): the one place where property names are checked against the queryables, literals
 * against the property's type and geometries moved from {@code filter-crs} to storage. Every
 * value ends up as a bound parameter of the store's SQL, exactly as with a WFS FES filter.
 */
final class Cql2Builder {

    /** An operand of a predicate: a property, a literal, possibly wrapped in CASEI(). */
    sealed interface Operand permits Property, Literal {
        boolean casei();
    }

    record Property(String name, boolean casei) implements Operand {
    }

    enum Kind { STRING, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY }

    /** A literal: its kind and its text (or its geometry, in filter-crs coordinates). */
    record Literal(Kind kind, String text, Geometry geometry, boolean casei) implements Operand {
        static Literal of(Kind kind, String text) {
            return new Literal(kind, text, null, false);
        }

        static Literal geometry(Geometry g) {
            return new Literal(Kind.GEOMETRY, null, g, false);
        }
    }

    private final String layer;
    private final LayerSchema schema;
    private final CrsName filterCrs;
    private int nodes;

    /**
     * @param layer collection id (for messages)
     * @param schema the layer's schema as the caller may read it: its attributes are the queryables
     * @param filterCrs CRS (and axis order) of the geometry literals
     */
    Cql2Builder(String layer, LayerSchema schema, CrsName filterCrs) {
        this.layer = layer;
        this.schema = schema;
        this.filterCrs = filterCrs;
    }

    static OwsException error(String message) {
        return OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "filter", "Paramètre filter : " + message);
    }

    /** Every node counts: a filter becomes SQL and bound parameters, bounded like an FES filter. */
    void count() {
        if (++nodes > FesFilterParser.MAX_ELEMENTS) {
            throw error("filtre trop complexe (plus de " + FesFilterParser.MAX_ELEMENTS + " éléments).");
        }
    }

    Filter and(List<Filter> operands) {
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    Filter or(List<Filter> operands) {
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    Filter not(Filter f) {
        return new Filter.Not(f);
    }

    /** {@code a op b}: one side a property, the other a literal (a literal first flips the operator). */
    Filter compare(String op, Operand a, Operand b) {
        ComparisonOperator operator = switch (op) {
            case "=" -> ComparisonOperator.EQ;
            case "<>" -> ComparisonOperator.NE;
            case "<" -> ComparisonOperator.LT;
            case "<=" -> ComparisonOperator.LE;
            case ">" -> ComparisonOperator.GT;
            case ">=" -> ComparisonOperator.GE;
            default -> throw error("opérateur de comparaison inconnu « " + op + " ».");
        };
        if (a instanceof Literal && b instanceof Property) {
            return compare(operator.mirrored(), (Property) b, (Literal) a);
        }
        return compare(operator, property(a, op), literal(b, op));
    }

    private Filter compare(ComparisonOperator operator, Property p, Literal l) {
        Attribute attribute = attribute(p.name());
        boolean casei = caseInsensitive(p, l, attribute);
        return new Filter.Compare(attribute.name(), operator, value(attribute, l), !casei);
    }

    /** CQL2 LIKE: {@code %} any characters, {@code _} one character, {@code \} escapes. */
    Filter like(Operand a, Operand pattern) {
        Property p = property(a, "LIKE");
        Literal l = literal(pattern, "LIKE");
        Attribute attribute = attribute(p.name());
        if (attribute.type() != LayerSchema.AttributeType.STRING || l.kind() != Kind.STRING) {
            throw error("LIKE compare une propriété texte à un motif entre apostrophes ; « " + p.name() + " » est de type "
                    + typeName(attribute) + ".");
        }
        return new Filter.Like(attribute.name(), l.text(), '%', '_', '\\', !caseInsensitive(p, l, attribute));
    }

    Filter between(Operand a, Operand low, Operand high) {
        Property p = property(a, "BETWEEN");
        Attribute attribute = attribute(p.name());
        if (!numeric(attribute)) {
            throw error("BETWEEN porte sur une propriété numérique ; « " + p.name() + " » est de type " + typeName(attribute) + ".");
        }
        return new Filter.Between(attribute.name(), value(attribute, literal(low, "BETWEEN")),
                value(attribute, literal(high, "BETWEEN")));
    }

    Filter in(Operand a, List<Operand> list) {
        Property p = property(a, "IN");
        if (list.isEmpty()) {
            throw error("IN demande au moins une valeur.");
        }
        List<Filter> equals = new ArrayList<>();
        for (Operand o : list) {
            equals.add(compare(ComparisonOperator.EQ, p, literal(o, "IN")));
        }
        return or(equals);
    }

    Filter isNull(Operand a) {
        return new Filter.IsNull(attribute(property(a, "IS NULL").name()).name());
    }

    /** S_INTERSECTS and the other spatial functions: the layer's geometry against a literal geometry. */
    Filter spatial(String function, Operand a, Operand b) {
        String f = function.toUpperCase(Locale.ROOT);
        boolean literalFirst = a instanceof Literal && b instanceof Property;
        Operand prop = literalFirst ? b : a;
        Operand lit = literalFirst ? a : b;
        SpatialOperator op = switch (f) {
            case "S_INTERSECTS" -> SpatialOperator.INTERSECTS;
            case "S_DISJOINT" -> SpatialOperator.DISJOINT;
            case "S_TOUCHES" -> SpatialOperator.TOUCHES;
            case "S_OVERLAPS" -> SpatialOperator.OVERLAPS;
            case "S_CROSSES" -> SpatialOperator.CROSSES;
            case "S_EQUALS" -> SpatialOperator.EQUALS;
            // Asymmetric: S_WITHIN(literal, geom) is S_CONTAINS(geom, literal).
            case "S_WITHIN" -> literalFirst ? SpatialOperator.CONTAINS : SpatialOperator.WITHIN;
            case "S_CONTAINS" -> literalFirst ? SpatialOperator.WITHIN : SpatialOperator.CONTAINS;
            default -> throw error("fonction spatiale « " + function + " » non prise en charge.");
        };
        if (!(prop instanceof Property p) || !p.name().equals(LayerSchema.GEOMETRY_COLUMN)) {
            throw error(f + " compare la géométrie de la collection (« " + LayerSchema.GEOMETRY_COLUMN
                    + " ») à une géométrie littérale.");
        }
        if (!schema.hasGeometry()) {
            throw error("la collection " + layer + " n'a pas de géométrie : " + f + " impossible.");
        }
        if (!(lit instanceof Literal l) || l.kind() != Kind.GEOMETRY) {
            throw error(f + " attend une géométrie littérale (WKT, GeoJSON ou BBOX) en second argument.");
        }
        Geometry stored;
        try {
            stored = OgcCoordinates.toStorage(l.geometry(), filterCrs);
        } catch (RuntimeException e) {
            throw error("géométrie impossible à convertir depuis " + filterCrs.spelling() + " : " + e.getMessage());
        }
        return new Filter.Spatial(op, stored);
    }

    private Property property(Operand o, String op) {
        if (o instanceof Property p) {
            return p;
        }
        throw error(op + " attend une propriété de la collection à gauche (comparer deux littéraux ou deux propriétés "
                + "n'est pas pris en charge).");
    }

    private static Literal literal(Operand o, String op) {
        if (o instanceof Literal l) {
            return l;
        }
        throw error(op + " attend une valeur littérale (comparer deux propriétés n'est pas pris en charge).");
    }

    private Attribute attribute(String name) {
        if (name.equals(LayerSchema.GEOMETRY_COLUMN) && schema.hasGeometry()) {
            throw error("la géométrie « " + name + " » ne se compare qu'avec une fonction spatiale (S_INTERSECTS…).");
        }
        return schema.attribute(name)
                .orElseThrow(() -> error("propriété inconnue « " + name + " » (collection " + layer
                        + " ; voir /collections/" + layer + "/queryables)."));
    }

    private static boolean caseInsensitive(Property p, Literal l, Attribute attribute) {
        if (p.casei() != l.casei()) {
            throw error("CASEI doit envelopper les deux opérandes (propriété « " + p.name() + " »).");
        }
        if (p.casei() && attribute.type() != LayerSchema.AttributeType.STRING) {
            throw error("CASEI ne s'applique qu'aux propriétés texte (« " + p.name() + " »).");
        }
        return p.casei();
    }

    private static boolean numeric(Attribute a) {
        return switch (a.type()) {
            case INTEGER, LONG, DOUBLE -> true;
            default -> false;
        };
    }

    /** The literal as the store's value for the attribute, or an error naming both in French. */
    private static Object value(Attribute attribute, Literal l) {
        String name = attribute.name();
        String text = l.text();
        switch (attribute.type()) {
            case STRING:
                if (l.kind() == Kind.STRING) {
                    return text;
                }
                break;
            case INTEGER:
            case LONG:
                if (l.kind() == Kind.NUMBER) {
                    try {
                        long v = Long.parseLong(text);
                        if (attribute.type() == LayerSchema.AttributeType.INTEGER && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
                            throw error("« " + text + " » dépasse les entiers de la propriété « " + name + " ».");
                        }
                        return attribute.type() == LayerSchema.AttributeType.INTEGER ? (Object) (int) v : (Object) v;
                    } catch (NumberFormatException e) {
                        throw error("la propriété « " + name + " » est entière : « " + text + " » ne convient pas.");
                    }
                }
                break;
            case DOUBLE:
                if (l.kind() == Kind.NUMBER) {
                    return Double.parseDouble(text);
                }
                break;
            case BOOLEAN:
                if (l.kind() == Kind.BOOLEAN) {
                    return Boolean.parseBoolean(text);
                }
                break;
            case DATE:
                if (l.kind() == Kind.DATE || l.kind() == Kind.STRING) {
                    try {
                        return LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        throw error("date « " + text + " » invalide pour « " + name + " » (attendu AAAA-MM-JJ).");
                    }
                }
                break;
            case TIMESTAMP:
                if (l.kind() == Kind.TIMESTAMP || l.kind() == Kind.STRING) {
                    try {
                        return Instant.parse(text);
                    } catch (DateTimeParseException e) {
                        throw error("horodatage « " + text + " » invalide pour « " + name + " » (attendu 2026-01-31T12:00:00Z).");
                    }
                }
                break;
            default:
                break;
        }
        throw error("la propriété « " + name + " » est de type " + typeName(attribute) + " : une valeur "
                + kindName(l.kind()) + " ne peut pas lui être comparée.");
    }

    static String typeName(Attribute a) {
        return switch (a.type()) {
            case STRING -> "texte";
            case INTEGER, LONG -> "entier";
            case DOUBLE -> "nombre";
            case BOOLEAN -> "booléen";
            case DATE -> "date";
            case TIMESTAMP -> "horodatage";
        };
    }

    private static String kindName(Kind k) {
        return switch (k) {
            case STRING -> "texte";
            case NUMBER -> "numérique";
            case BOOLEAN -> "booléenne";
            case DATE -> "date";
            case TIMESTAMP -> "horodatage";
            case GEOMETRY -> "géométrique";
        };
    }
}
