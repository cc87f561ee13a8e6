package fr.carence.render.sld;

import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads an {@code ogc:Filter} (Filter Encoding 1.1, as SLD 1.0 embeds it) into the store's filter
 * model, so that the same object is evaluated in memory per feature and pushed down to SQL.
 * Literal values stay strings; the store and the in-memory evaluator convert them to the
 * attribute's type.
 */
final class SldFilterParser {

    private static final java.util.Set<String> ID_ELEMENTS = java.util.Set.of("FeatureId", "GmlObjectId", "ResourceId");

    private final String where;

    SldFilterParser(String where) {
        this.where = where;
    }

    /** Parses the content of an ogc:Filter element (exactly one operator). */
    Filter parseFilterElement(Element filterElement) {
        List<Element> ops = Xml.children(filterElement);
        if (!ops.isEmpty() && ops.stream().allMatch(o -> ID_ELEMENTS.contains(Xml.localName(o)))) {
            return featureIds(ops.get(0));
        }
        if (ops.size() != 1) {
            throw error("ogc:Filter must contain exactly one operator, found " + ops.size());
        }
        return parse(ops.get(0));
    }

    private Filter parse(Element e) {
        String name = Xml.localName(e);
        return switch (name) {
            case "And" -> new Filter.And(operands(e));
            case "Or" -> new Filter.Or(operands(e));
            case "Not" -> {
                List<Element> ops = Xml.children(e);
                if (ops.size() != 1) {
                    throw error("ogc:Not needs exactly one operand");
                }
                yield new Filter.Not(parse(ops.get(0)));
            }
            case "PropertyIsEqualTo" -> compare(e, ComparisonOperator.EQ);
            case "PropertyIsNotEqualTo" -> compare(e, ComparisonOperator.NE);
            case "PropertyIsLessThan" -> compare(e, ComparisonOperator.LT);
            case "PropertyIsLessThanOrEqualTo" -> compare(e, ComparisonOperator.LE);
            case "PropertyIsGreaterThan" -> compare(e, ComparisonOperator.GT);
            case "PropertyIsGreaterThanOrEqualTo" -> compare(e, ComparisonOperator.GE);
            case "PropertyIsLike" -> like(e);
            case "PropertyIsNull" -> new Filter.IsNull(propertyName(e));
            case "PropertyIsBetween" -> between(e);
            case "FeatureId", "GmlObjectId", "ResourceId" -> featureIds(e);
            default -> throw error("unsupported filter operator ogc:" + name);
        };
    }

    private List<Filter> operands(Element e) {
        List<Filter> out = new ArrayList<>();
        for (Element c : Xml.children(e)) {
            out.add(parse(c));
        }
        if (out.size() < 2) {
            throw error("ogc:" + Xml.localName(e) + " needs at least two operands");
        }
        return out;
    }

    private Filter compare(Element e, ComparisonOperator op) {
        List<Element> args = Xml.children(e);
        if (args.size() != 2) {
            throw error("ogc:" + Xml.localName(e) + " needs a PropertyName and a Literal");
        }
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase"));
        String first = Xml.localName(args.get(0));
        String second = Xml.localName(args.get(1));
        if (first.equals("PropertyName") && second.equals("Literal")) {
            return new Filter.Compare(text(args.get(0)), op, args.get(1).getTextContent().trim(), matchCase);
        }
        if (first.equals("Literal") && second.equals("PropertyName")) {
            // "literal op property" is "property (mirrored op) literal".
            return new Filter.Compare(text(args.get(1)), op.mirrored(), args.get(0).getTextContent().trim(), matchCase);
        }
        throw error("ogc:" + Xml.localName(e) + ": only PropertyName/Literal comparisons are supported, got "
                + first + "/" + second);
    }

    private Filter like(Element e) {
        String wild = attr(e, "wildCard", "*");
        String single = attr(e, "singleChar", "?");
        String escape = e.hasAttribute("escapeChar") ? e.getAttribute("escapeChar") : attr(e, "escape", "\\");
        if (wild.length() != 1 || single.length() != 1 || escape.length() != 1) {
            throw error("ogc:PropertyIsLike: wildCard, singleChar and escape must be single characters");
        }
        String pattern = Xml.childText(e, "Literal").orElseThrow(() -> error("ogc:PropertyIsLike needs a Literal"));
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase"));
        return new Filter.Like(propertyName(e), pattern, wild.charAt(0), single.charAt(0), escape.charAt(0), matchCase);
    }

    private Filter between(Element e) {
        String lower = Xml.child(e, "LowerBoundary").flatMap(b -> Xml.childText(b, "Literal"))
                .orElseThrow(() -> error("ogc:PropertyIsBetween needs LowerBoundary/Literal"));
        String upper = Xml.child(e, "UpperBoundary").flatMap(b -> Xml.childText(b, "Literal"))
                .orElseThrow(() -> error("ogc:PropertyIsBetween needs UpperBoundary/Literal"));
        return new Filter.Between(propertyName(e), lower, upper);
    }

    private Filter featureIds(Element first) {
        List<String> ids = new ArrayList<>();
        Element parent = (Element) first.getParentNode();
        for (Element c : Xml.children(parent)) {
            String id = c.hasAttribute("fid") ? c.getAttribute("fid")
                    : c.hasAttribute("rid") ? c.getAttribute("rid") : c.getAttributeNS("http://www.opengis.net/gml", "id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return new Filter.ResourceIds(ids);
    }

    private String propertyName(Element e) {
        return Xml.child(e, "PropertyName").map(SldFilterParser::text)
                .orElseThrow(() -> error("ogc:" + Xml.localName(e) + " needs a PropertyName"));
    }

    private static String text(Element e) {
        String t = e.getTextContent().trim();
        // "carence:population" and "population" name the same attribute.
        int colon = t.indexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }

    private static String attr(Element e, String name, String dflt) {
        return e.hasAttribute(name) ? e.getAttribute(name) : dflt;
    }

    private SldParseException error(String message) {
        return new SldParseException(where + ": " + message);
    }
}
