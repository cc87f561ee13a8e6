package fr.carence.ogc.wfs;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** StAX plumbing shared by the XML operations (namespaces, simple elements). */
final class WfsXml {

    static final String WFS = "http://www.opengis.net/wfs/2.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String FES = "http://www.opengis.net/fes/2.0";
    static final String GML = "http://www.opengis.net/gml/3.2";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private WfsXml() {
    }

    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static void document(OutputStream out, Body body) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("XML output failed", e);
        }
    }

    static void element(XMLStreamWriter w, String ns, String name, String text) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
