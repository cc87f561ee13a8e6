package fr.carence.ogc.testdata;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates documents against the official OGC schemas, offline: the XSDs come from test jars
 * ({@code org.jvnet.ogc:ogc-schemas} for WFS 2.0 / FES 2.0 / OWS 1.1 / GML 3.2.1 and
 * {@code org.opengis.cite:ets-gml32} for the W3C xlink and xml schemas); schema URLs are mapped
 * to those copies, and application schemas (DescribeFeatureType answers) are given in memory.
 */
public final class OgcSchemas {

    private static final String OPENGIS = "http://schemas.opengis.net/";
    private static final Map<String, String> W3C = Map.of(
            "http://www.w3.org/1999/xlink.xsd", "org/opengis/cite/iso19136/xsd/w3c/2008/06/xlink.xsd",
            "http://www.w3.org/2001/xml.xsd", "org/opengis/cite/iso19136/xsd/w3c/2009/01/xml.xsd");

    private OgcSchemas() {
    }

    /**
     * Validates {@code xml}; {@code roots} are the schema URLs to load, {@code inMemory} maps
     * further schema URLs (e.g. a DescribeFeatureType URL) to their text. Returns the errors.
     */
    public static List<String> validate(byte[] xml, List<String> roots, Map<String, String> inMemory) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(resolver(inMemory));
        Source[] sources = new Source[roots.size()];
        for (int i = 0; i < roots.size(); i++) {
            String url = roots.get(i);
            sources[i] = inMemory.containsKey(url) ? new StreamSource(new StringReader(inMemory.get(url)), url)
                    : new StreamSource(open(url), url);
        }
        Schema schema = f.newSchema(sources);
        Validator v = schema.newValidator();
        v.setResourceResolver(resolver(inMemory));
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        return errors;
    }

    static InputStream open(String url) {
        String resource = null;
        if (url.startsWith(OPENGIS)) {
            resource = "ogc/" + url.substring(OPENGIS.length());
        } else if (W3C.containsKey(url)) {
            resource = W3C.get(url);
        }
        if (resource == null) {
            throw new IllegalArgumentException("schema not available offline: " + url);
        }
        InputStream in = OgcSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("schema " + url + " not found on the classpath as " + resource);
        }
        return in;
    }

    private static LSResourceResolver resolver(Map<String, String> inMemory) {
        return (type, ns, publicId, systemId, baseUri) -> {
            if (systemId == null) {
                return null;
            }
            String url;
            try {
                url = baseUri == null ? systemId : new URL(new URL(baseUri), systemId).toString();
            } catch (Exception e) {
                url = systemId;
            }
            String resolved = url;
            return new Input(resolved, inMemory.containsKey(resolved) ? null : open(resolved),
                    inMemory.containsKey(resolved) ? new StringReader(inMemory.get(resolved)) : null);
        };
    }

    private record Input(String systemId, InputStream byteStream, Reader characterStream) implements LSInput {
        public Reader getCharacterStream() { return characterStream; }
        public void setCharacterStream(Reader r) { }
        public InputStream getByteStream() { return byteStream; }
        public void setByteStream(InputStream in) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return null; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return systemId; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
