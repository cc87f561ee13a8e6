package fr.carence.ogc.web;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.xml.Dom;
import fr.carence.ogc.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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
        String op = Dom.localName(root);
        p.put("REQUEST", op);
        copy(root, "service", p, "SERVICE");
        copy(root, "version", p, "VERSION");
        copy(root, "outputFormat", p, "OUTPUTFORMAT");
        copy(root, "count", p, "COUNT");
        copy(root, "maxFeatures", p, "MAXFEATURES");
        copy(root, "startIndex", p, "STARTINDEX");
        copy(root, "resultType", p, "RESULTTYPE");
        copy(root, "valueReference", p, "VALUEREFERENCE");
        switch (op) {
            case "GetCapabilities" -> Dom.child(root, "AcceptVersions").ifPresent(av -> p.put("ACCEPTVERSIONS",
                    String.join(",", Dom.children(av, "Version").stream().map(Dom::text).toList())));
            case "DescribeFeatureType" -> {
                List<String> names = Dom.children(root, "TypeName").stream().map(Dom::text).toList();
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
            case "GetFeature", "GetPropertyValue" -> query(root, p);
            default -> {
                // ListStoredQueries and unknown operations carry nothing more; the service decides.
            }
        }
        return p;
    }

    static OwsException tooLarge(long maxBytes) {
        return new OwsException(OwsException.INVALID_PARAMETER_VALUE, "request", 413,
                "Corps de requête XML trop volumineux : au plus " + maxBytes + " octets (carence.ogc.max-request-body-bytes).");
    }

    private static void query(Element root, Map<String, String> p) {
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
        copy(q, "typeNames", p, "TYPENAMES");
        copy(q, "typeName", p, "TYPENAMES");
        copy(q, "srsName", p, "SRSNAME");
        List<String> props = new ArrayList<>();
        for (Element e : Dom.children(q)) {
            switch (Dom.localName(e)) {
                case "PropertyName" -> props.add(Dom.text(e));
                case "Filter" -> p.put("FILTER", serialize(e));
                case "SortBy" -> {
                    List<String> keys = new ArrayList<>();
                    for (Element sp : Dom.children(e, "SortProperty")) {
                        String ref = Dom.child(sp, "ValueReference").or(() -> Dom.child(sp, "PropertyName"))
                                .map(Dom::text).orElse("");
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

    /** The element as a standalone document, with the namespace declarations it inherits. */
    static String serialize(Element e) {
        Document doc = e.getOwnerDocument();
        DOMImplementationLS ls = (DOMImplementationLS) doc.getImplementation().getFeature("LS", "3.0");
        LSSerializer s = ls.createLSSerializer();
        s.getDomConfig().setParameter("xml-declaration", false);
        s.getDomConfig().setParameter("namespaces", true);
        return s.writeToString(e);
    }
}
