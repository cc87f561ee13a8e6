package fr.carence.ogc.testdata;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A parsed response with XPath over the OGC prefixes. */
public final class Xml {

    private static final Map<String, String> NS = Map.of(
            "wfs", "http://www.opengis.net/wfs/2.0", "gml", "http://www.opengis.net/gml/3.2",
            "ows", "http://www.opengis.net/ows/1.1", "fes", "http://www.opengis.net/fes/2.0",
            "xsd", "http://www.w3.org/2001/XMLSchema", "xlink", "http://www.w3.org/1999/xlink",
            "carence", "https://carence.beta.gouv.fr/carence");

    private final Document doc;
    private final XPath xpath;

    public Xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.get(prefix);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public String text(String expr) throws Exception {
        return xpath.evaluate(expr, doc);
    }

    public List<String> texts(String expr) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    public int count(String expr) throws Exception {
        return ((Number) xpath.evaluate("count(" + expr + ")", doc, XPathConstants.NUMBER)).intValue();
    }
}
