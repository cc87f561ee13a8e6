package fr.carence.ogc.web;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.xml.Dom;
import fr.carence.ogc.xml.QualifiedNames;
import fr.carence.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;
import org.xml.sax.SAXException;

/**
 * Turns a WFS 2.0 XML POST body (GetCapabilities, DescribeFeatureType, GetFeature,
 * GetPropertyValue, ListStoredQueries, DescribeStoredQueries) into the equivalent KVP parameters,
 * so one code path serves both encodings. The body is parsed with DTDs and entities refused.
 * One {@code wfs:Query} per request (several queries per POST are not supported).
 */
public final class XmlRequestReader {

    private XmlRequestReader() {
    }

    public static Map<String, String> read(InputStream body) throws IOException {
        return read(body, Long.MAX_VALUE);
    }

    /**
     * @param maxBytes largest body read ({@code carence.ogc.max-request-body-bytes}); reading stops
     *                 there with an exception, so a huge body is never held in memory
     */
    public static Map<String, String> read(InputStream body, long maxBytes) throws IOException {
        Element root;
        try {
            root = SecureXml.parse(new BoundedInputStream(body, maxBytes)).getDocumentElement();
        } catch (BoundedInputStream.LimitExceededException e) {
            throw tooLarge(maxBytes);
        } catch (SAXException e) {
            if (e.getCause() instanceof BoundedInputStream.LimitExceededException) {
                throw tooLarge(maxBytes);
            }
            throw OwsException.badRequest(OwsException.OPERATION_PARSING_FAILED, "request",
                    "Corps XML illisible : " + e.getMessage());
        }
        Map<String, String> p = new LinkedHashMap<>();
        Prefixes prefixes = new Prefixes();
        String op = Dom.localName(root);
        p.put("REQUEST", op);
        copy(root, "service", p, "SERVICE");
        copy(root, "version", p, "VERSION");
        copy(root, "outputFormat", p, "OUTPUTFORMAT");
        copy(root, "count", p, "COUNT");
        copy(root, "maxFeatures", p, "MAXFEATURES");
        copy(root, "startIndex", p, "STARTINDEX");
        copy(root, "resultType", p, "RESULTTYPE");
        if (root.hasAttribute("valueReference")) {
            p.put("VALUEREFERENCE", prefixes.path(root, root.getAttribute("valueReference")));
        }
        switch (op) {
            case "GetCapabilities" -> Dom.child(root, "AcceptVersions").ifPresent(av -> p.put("ACCEPTVERSIONS",
                    String.join(",", Dom.children(av, "Version").stream().map(Dom::text).toList())));
            case "DescribeFeatureType" -> {
                List<String> names = Dom.children(root, "TypeName").stream().map(e -> prefixes.name(e, Dom.text(e))).toList();
                if (!names.isEmpty()) {
                    p.put("TYPENAMES", String.join(",", names));
                }
            }
            case "DescribeStoredQueries" -> {
                List<String> ids = Dom.children(root, "StoredQueryId").stream().map(Dom::text).toList();
                if (!ids.isEmpty()) {
                    p.put("STOREDQUERY_ID", String.join(",", ids));
                }
            }
            case "GetFeature", "GetPropertyValue" -> query(root, p, prefixes);
            default -> {
                // ListStoredQueries and unknown operations carry nothing more; the service decides.
            }
        }
        prefixes.namespacesParameter().ifPresent(ns -> p.put(QualifiedNames.PARAMETER, ns));
        return p;
    }

    static OwsException tooLarge(long maxBytes) {
        return new OwsException(OwsException.INVALID_PARAMETER_VALUE, "request", 413,
                "Corps de requête XML trop volumineux : au plus " + maxBytes + " octets (carence.ogc.max-request-body-bytes).");
    }

    private static void query(Element root, Map<String, String> p, Prefixes prefixes) {
        List<Element> queries = Dom.children(root, "Query");
        List<Element> stored = Dom.children(root, "StoredQuery");
        if (queries.size() + stored.size() != 1) {
            throw OwsException.badRequest(OwsException.OPTION_NOT_SUPPORTED, "Query",
                    "Une requête POST doit contenir exactement un wfs:Query ou wfs:StoredQuery.");
        }
        if (!stored.isEmpty()) {
            Element sq = stored.get(0);
            p.put("STOREDQUERY_ID", sq.getAttribute("id"));
            for (Element param : Dom.children(sq, "Parameter")) {
                p.put(param.getAttribute("name").toUpperCase(java.util.Locale.ROOT), Dom.text(param));
            }
            return;
        }
        Element q = queries.get(0);
        for (String attribute : List.of("typeNames", "typeName")) {
            if (q.hasAttribute(attribute)) {
                // An XML list of QNames (whitespace-separated); KVP separates them with commas.
                p.put("TYPENAMES", String.join(",", java.util.Arrays.stream(q.getAttribute(attribute).trim().split("\\s+"))
                        .filter(n -> !n.isEmpty()).map(n -> prefixes.name(q, n)).toList()));
            }
        }
        copy(q, "srsName", p, "SRSNAME");
        List<String> props = new ArrayList<>();
        for (Element e : Dom.children(q)) {
            switch (Dom.localName(e)) {
                case "PropertyName" -> props.add(prefixes.path(e, Dom.text(e)));
                case "Filter" -> p.put("FILTER", serialize(e));
                case "SortBy" -> {
                    List<String> keys = new ArrayList<>();
                    for (Element sp : Dom.children(e, "SortProperty")) {
                        String ref = Dom.child(sp, "ValueReference").or(() -> Dom.child(sp, "PropertyName"))
                                .map(r -> prefixes.path(r, Dom.text(r))).orElse("");
                        String order = Dom.child(sp, "SortOrder").map(Dom::text).orElse("ASC");
                        keys.add(ref + " " + order);
                    }
                    p.put("SORTBY", String.join(",", keys));
                }
                default -> {
                    // Other children (e.g. fes:Function) are not supported and ignored by the KVP form.
                }
            }
        }
        if (!props.isEmpty()) {
            p.put("PROPERTYNAME", String.join(",", props));
        }
    }

    private static void copy(Element e, String attribute, Map<String, String> p, String key) {
        if (e.hasAttribute(attribute)) {
            p.put(key, e.getAttribute(attribute));
        }
    }

    /**
     * The element as a standalone document, with every namespace declaration in scope where it
     * stands: prefixes used only in text (a ValueReference's {@code p:nom}) must survive too,
     * and the serializer only re-declares those of element and attribute names.
     */
    static String serialize(Element e) {
        Document doc = e.getOwnerDocument();
        Element copy = (Element) e.cloneNode(true);
        for (Node n = e.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                boolean declaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI());
                // The nearest declaration of a prefix wins: never overwrite one already copied.
                if (declaration && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getNodeName(), a.getNodeValue());
                }
            }
        }
        DOMImplementationLS ls = (DOMImplementationLS) doc.getImplementation().getFeature("LS", "3.0");
        LSSerializer s = ls.createLSSerializer();
        s.getDomConfig().setParameter("xml-declaration", false);
        s.getDomConfig().setParameter("namespaces", true);
        return s.writeToString(copy);
    }

    /**
     * The prefixes the names of an XML request use, bound where each name stands, passed on to
     * the KVP form as NAMESPACES. A prefix bound to different URIs in different places is renamed
     * in the names concerned; a name without prefix under a non-OGC default namespace gets a
     * generated prefix, so that an unprefixed KVP name always means the service's namespace.
     * Unbound prefixes are left as written: the service decides (its own prefix is implicit).
     */
    static final class Prefixes {

        private final Map<String, String> bound = new LinkedHashMap<>();
        /** Prefixes written without declaration: binding them now would change those names. */
        private final java.util.Set<String> unbound = new java.util.HashSet<>();

        /** One QName written on {@code holder}. */
        String name(Element holder, String qname) {
            String n = qname.trim();
            int colon = n.indexOf(':');
            if (colon < 0) {
                String uri = holder.lookupNamespaceURI(null);
                if (uri == null || uri.isEmpty() || QualifiedNames.SCHEMA_NAMESPACES.contains(uri)) {
                    return n;
                }
                return bind("ns", uri) + ":" + n;
            }
            String prefix = n.substring(0, colon);
            String uri = holder.lookupNamespaceURI(prefix);
            if (uri == null) {
                unbound.add(prefix);
                return n;
            }
            boolean free = !bound.containsKey(prefix) && !unbound.contains(prefix);
            String used = uri.equals(bound.get(prefix)) || free ? prefix : bind(prefix, uri);
            bound.putIfAbsent(used, uri);
            return used + ":" + n.substring(colon + 1);
        }

        /** A property path ({@code p:communes/p:nom}, {@code @gml:id}): each step qualified. */
        String path(Element holder, String path) {
            List<String> steps = new ArrayList<>();
            for (String step : path.trim().split("/", -1)) {
                boolean attribute = step.startsWith("@");
                String n = attribute ? step.substring(1) : step;
                steps.add(n.isEmpty() || n.equals(".") ? step : (attribute ? "@" : "") + name(holder, n));
            }
            return String.join("/", steps);
        }

        /** A prefix bound to uri: an existing one, else {@code base}, {@code base1}… whichever is free. */
        private String bind(String base, String uri) {
            for (Map.Entry<String, String> b : bound.entrySet()) {
                if (b.getValue().equals(uri)) {
                    return b.getKey();
                }
            }
            String prefix = base;
            for (int i = 1; bound.containsKey(prefix) || unbound.contains(prefix); i++) {
                prefix = base + i;
            }
            bound.put(prefix, uri);
            return prefix;
        }

        Optional<String> namespacesParameter() {
            return bound.isEmpty() ? Optional.empty() : Optional.of(String.join(",",
                    bound.entrySet().stream().map(b -> "xmlns(" + b.getKey() + "," + b.getValue() + ")").toList()));
        }
    }
}
