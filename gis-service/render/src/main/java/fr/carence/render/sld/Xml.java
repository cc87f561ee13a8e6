package fr.carence.render.sld;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Namespace-agnostic DOM navigation: SLD 1.0 documents mix the sld, ogc and se namespaces and
 * real-world files are not always consistent, so elements are matched by local name.
 */
final class Xml {

    private Xml() {
    }

    static String localName(Node n) {
        String ln = n.getLocalName();
        return ln != null ? ln : n.getNodeName().replaceFirst("^.*:", "");
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName(e).equals(localName)).toList();
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName(e).equals(localName)).findFirst();
    }

    static Optional<String> childText(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().trim());
    }
}
