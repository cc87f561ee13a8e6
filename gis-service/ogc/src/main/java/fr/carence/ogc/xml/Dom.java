package fr.carence.ogc.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers: child elements by local name (namespace-tolerant, as clients vary). */
public final class Dom {

    private Dom() {
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(localName(e))).toList();
    }

    public static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    public static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    public static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().trim();
    }

    /** Attribute value or null when absent (DOM returns "" for absent attributes). */
    public static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
