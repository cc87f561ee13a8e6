package fr.carence.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Namespace-aware DOM parsing that refuses DOCTYPEs, external entities and entity expansion, for
 * everything Carence reads from clients (POST bodies, FES filters, SLD styles) and from the data
 * directory (OWASP XXE prevention settings for the JDK parser). The one XML hardening of the
 * project: the OGC services and the SLD parser both parse through it.
 */
public final class SecureXml {

    /**
     * Deepest element nesting accepted. WFS requests, filters, GML geometries and SLD styles stay
     * far below it; a filter of 20,000 nested {@code <fes:Not>} would otherwise overflow the
     * recursive filter parsers and the database's expression stack.
     */
    public static final int MAX_ELEMENT_DEPTH = 256;
    /** JAXP limit property (JDK 9+) bounding element depth. */
    public static final String MAX_ELEMENT_DEPTH_PROPERTY = "jdk.xml.maxElementDepth";

    private SecureXml() {
    }

    public static Document parse(InputStream in) throws IOException, SAXException {
        return builder().parse(in);
    }

    public static Document parse(String xml) throws IOException, SAXException {
        return builder().parse(new InputSource(new StringReader(xml)));
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks the security features Carence needs", e);
        }
    }
}
