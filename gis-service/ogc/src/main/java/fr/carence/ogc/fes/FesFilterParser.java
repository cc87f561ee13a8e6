package fr.carence.ogc.fes;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.gml.GmlGeometryParser;
import fr.carence.ogc.xml.Dom;
import fr.carence.ogc.xml.QualifiedNames;
import fr.carence.xml.SecureXml;
import fr.carence.store.LayerSchema;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import fr.carence.store.filter.Filter.SpatialOperator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Compiles an OGC Filter Encoding 2.0 document (also the FES 1.1 spellings: PropertyName,
 * FeatureId, escape) into the store's {@link Filter} model for one layer. Property names are
 * checked against the layer's schema here, so a typo is reported to the client as
 * InvalidParameterValue naming the property instead of reaching the store.
 */
public final class FesFilterParser {

    /** Most elements one filter may hold (operators, operands, ids, geometry parts). */
    public static final int MAX_ELEMENTS = 10_000;

    private final String layer;
    private final LayerSchema schema;
    private final CrsName defaultCrs;
    private final String locator;
    private final QualifiedNames names;
    private final GmlGeometryParser gml = new GmlGeometryParser();

    /**
     * @param layer published layer name (for ResourceId prefixes and messages)
     * @param schema the layer's schema
     * @param defaultCrs CRS of geometries without srsName (the query's SRSNAME, else the default CRS)
     * @param locator OWS locator for errors (e.g. "FILTER")
     * @param names the request's prefix bindings: a ValueReference's prefixes are looked up in
     *              the filter's own xmlns declarations first, then in these
     */
    public FesFilterParser(String layer, LayerSchema schema, CrsName defaultCrs, String locator, QualifiedNames names) {
        this.layer = layer;
        this.schema = schema;
        this.defaultCrs = defaultCrs;
        this.locator = locator;
        this.names = names;
    }

    public Filter parse(String xml) {
        Element root;
        try {
            root = SecureXml.parse(xml).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw error("Filtre FES mal formé : " + e.getMessage());
        }
        return parse(root);
    }

    /** Parses a {@code fes:Filter} element. */
    public Filter parse(Element filter) {
        if (!Dom.localName(filter).equals("Filter")) {
            throw error("L'élément racine du filtre doit être <fes:Filter>, pas <" + Dom.localName(filter) + ">");
        }
        int elements = filter.getElementsByTagName("*").getLength();
        if (elements > MAX_ELEMENTS) {
            // Every element becomes SQL and, for values and ids, a bound parameter: PostgreSQL
            // binds at most 65,535 per statement, and huge statements only cost time.
            throw error("Filtre trop complexe : " + elements + " éléments, au plus " + MAX_ELEMENTS
                    + " (découpez la requête, ou utilisez BBOX plutôt qu'une longue liste d'identifiants).");
        }
        List<Element> children = Dom.children(filter);
        if (children.isEmpty()) {
            throw error("<fes:Filter> vide");
        }
        if (children.stream().allMatch(FesFilterParser::isId)) {
            return resourceIds(children);
        }
        if (children.size() != 1) {
            throw error("<fes:Filter> doit contenir un seul opérateur (utiliser <fes:And> ou <fes:Or>)");
        }
        try {
            return operator(children.get(0));
        } catch (GmlGeometryParser.GmlException e) {
            throw error(e.getMessage());
        }
    }

    private static boolean isId(Element e) {
        String n = Dom.localName(e);
        return n.equals("ResourceId") || n.equals("FeatureId") || n.equals("GmlObjectId");
    }

    private Filter resourceIds(List<Element> ids) {
        List<String> values = new ArrayList<>();
        for (Element e : ids) {
            String rid = Dom.attribute(e, "rid");
            if (rid == null) {
                rid = Dom.attribute(e, "fid");
            }
            if (rid == null) {
                rid = e.getAttributeNS("http://www.opengis.net/gml/3.2", "id");
            }
            if (rid == null || rid.isEmpty()) {
                throw error("<fes:ResourceId> sans attribut rid");
            }
            // An id of another layer matches nothing in this one (a multi-layer query).
            FeatureIds.decode(layer, rid).ifPresent(values::add);
        }
        return new Filter.ResourceIds(values);
    }

    private Filter operator(Element e) {
        String name = Dom.localName(e);
        switch (name) {
            case "And":
            case "Or": {
                List<Filter> ops = new ArrayList<>();
                for (Element c : Dom.children(e)) {
                    ops.add(operator(c));
                }
                if (ops.size() < 2) {
                    throw error("<fes:" + name + "> demande au moins deux opérandes");
                }
                return name.equals("And") ? new Filter.And(ops) : new Filter.Or(ops);
            }
            case "Not": {
                List<Element> c = Dom.children(e);
                if (c.size() != 1) {
                    throw error("<fes:Not> demande exactement un opérande");
                }
                return new Filter.Not(operator(c.get(0)));
            }
            case "PropertyIsEqualTo":
                return compare(e, ComparisonOperator.EQ);
            case "PropertyIsNotEqualTo":
                return compare(e, ComparisonOperator.NE);
            case "PropertyIsLessThan":
                return compare(e, ComparisonOperator.LT);
            case "PropertyIsLessThanOrEqualTo":
                return compare(e, ComparisonOperator.LE);
            case "PropertyIsGreaterThan":
                return compare(e, ComparisonOperator.GT);
            case "PropertyIsGreaterThanOrEqualTo":
                return compare(e, ComparisonOperator.GE);
            case "PropertyIsBetween":
                return between(e);
            case "PropertyIsLike":
                return like(e);
            case "PropertyIsNull":
            case "PropertyIsNil":
                return new Filter.IsNull(property(e));
            case "BBOX":
                return spatial(e, SpatialOperator.BBOX, false);
            case "Intersects":
                return spatial(e, SpatialOperator.INTERSECTS, false);
            case "Within":
                return spatial(e, SpatialOperator.WITHIN, false);
            case "Contains":
                return spatial(e, SpatialOperator.CONTAINS, false);
            case "Disjoint":
                return spatial(e, SpatialOperator.DISJOINT, false);
            case "Touches":
                return spatial(e, SpatialOperator.TOUCHES, false);
            case "Overlaps":
                return spatial(e, SpatialOperator.OVERLAPS, false);
            case "Crosses":
                return spatial(e, SpatialOperator.CROSSES, false);
            case "Equals":
                return spatial(e, SpatialOperator.EQUALS, false);
            case "DWithin":
                return spatial(e, SpatialOperator.DWITHIN, true);
            case "Beyond":
                return spatial(e, SpatialOperator.BEYOND, true);
            case "ResourceId":
            case "FeatureId":
            case "GmlObjectId":
                return resourceIds(List.of(e));
            default:
                throw error("Opérateur de filtre non pris en charge : <" + name + ">");
        }
    }

    private Filter compare(Element e, ComparisonOperator op) {
        String property = property(e);
        String literal = literal(e, e);
        boolean matchCase = !"false".equalsIgnoreCase(Dom.attribute(e, "matchCase"));
        return new Filter.Compare(property, op, literal, matchCase);
    }

    private Filter between(Element e) {
        String property = property(e);
        Element lower = Dom.child(e, "LowerBoundary").orElseThrow(() -> error("<fes:PropertyIsBetween> sans <fes:LowerBoundary>"));
        Element upper = Dom.child(e, "UpperBoundary").orElseThrow(() -> error("<fes:PropertyIsBetween> sans <fes:UpperBoundary>"));
        return new Filter.Between(property, literal(lower, e), literal(upper, e));
    }

    private Filter like(Element e) {
        String property = property(e);
        String pattern = literal(e, e);
        char wild = oneChar(e, "wildCard", '*');
        char single = oneChar(e, "singleChar", '.');
        String esc = Dom.attribute(e, "escapeChar") != null ? "escapeChar" : "escape";
        char escape = oneChar(e, esc, '\\');
        boolean matchCase = !"false".equalsIgnoreCase(Dom.attribute(e, "matchCase"));
        return new Filter.Like(property, pattern, wild, single, escape, matchCase);
    }

    private char oneChar(Element e, String attribute, char fallback) {
        String v = Dom.attribute(e, attribute);
        if (v == null) {
            return fallback;
        }
        if (v.length() != 1) {
            throw error("<fes:PropertyIsLike> : l'attribut " + attribute + " doit être un seul caractère");
        }
        return v.charAt(0);
    }

    private Filter spatial(Element e, SpatialOperator op, boolean withDistance) {
        if (!schema.hasGeometry()) {
            throw error("La couche " + layer + " n'a pas de géométrie : opérateur spatial <fes:" + Dom.localName(e) + "> impossible");
        }
        Element geometryElement = null;
        Element distance = null;
        for (Element c : Dom.children(e)) {
            String n = Dom.localName(c);
            if (n.equals("ValueReference") || n.equals("PropertyName")) {
                String p = propertyName(c);
                if (!p.equals(LayerSchema.GEOMETRY_COLUMN)) {
                    throw error("<fes:" + Dom.localName(e) + "> porte sur « " + p + " », qui n'est pas la géométrie ("
                            + LayerSchema.GEOMETRY_COLUMN + ") de la couche " + layer);
                }
            } else if (n.equals("Distance")) {
                distance = c;
            } else if (GmlGeometryParser.isGeometry(c)) {
                geometryElement = c;
            } else {
                throw error("<fes:" + Dom.localName(e) + "> : élément inattendu <" + n + ">");
            }
        }
        if (geometryElement == null) {
            throw error("<fes:" + Dom.localName(e) + "> sans géométrie GML");
        }
        Geometry g = gml.parseToStorage(geometryElement, defaultCrs);
        if (op == SpatialOperator.BBOX) {
            g = g.getFactory().toGeometry(g.getEnvelopeInternal());
        }
        double metres = 0;
        if (withDistance) {
            if (distance == null) {
                throw error("<fes:" + Dom.localName(e) + "> sans <fes:Distance>");
            }
            metres = metres(distance);
        }
        return new Filter.Spatial(op, g, metres);
    }

    /** Distances are applied in the storage CRS, which is metric. */
    private double metres(Element distance) {
        double value;
        try {
            value = Double.parseDouble(Dom.text(distance));
        } catch (NumberFormatException x) {
            throw error("<fes:Distance> non numérique : « " + Dom.text(distance) + " »");
        }
        if (value < 0 || !Double.isFinite(value)) {
            throw error("<fes:Distance> doit être positive ou nulle");
        }
        String uom = Dom.attribute(distance, "uom");
        String u = uom == null ? "m" : uom.trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "m", "metre", "meter", "metres", "meters", "urn:ogc:def:uom:epsg::9001", "http://www.opengis.net/def/uom/epsg/0/9001" -> value;
            case "km", "kilometre", "kilometer", "urn:ogc:def:uom:epsg::9036" -> value * 1000;
            default -> throw error("<fes:Distance> : unité « " + uom + " » non prise en charge (m ou km)");
        };
    }

    private String property(Element op) {
        Element ref = Dom.child(op, "ValueReference").or(() -> Dom.child(op, "PropertyName"))
                .orElseThrow(() -> error("<fes:" + Dom.localName(op) + "> sans <fes:ValueReference>"));
        String p = propertyName(ref);
        if (schema.attribute(p).isEmpty()) {
            throw error("Propriété inconnue « " + p + " » dans le filtre (couche " + layer + ")");
        }
        return p;
    }

    private String literal(Element container, Element op) {
        Element lit = Dom.child(container, "Literal")
                .orElseThrow(() -> error("<fes:" + Dom.localName(op) + "> sans <fes:Literal>"));
        return lit.getTextContent() == null ? "" : lit.getTextContent();
    }

    /** The property a ValueReference names, its prefixes resolved where the element stands. */
    private String propertyName(Element reference) {
        return names.within(reference).property(Dom.text(reference), layer, locator);
    }

    private OwsException error(String message) {
        return OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, locator, message);
    }
}
