package fr.carence.ogc.error;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.xml.XmlText;
import fr.carence.ogc.core.OgcResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an OWS ExceptionReport. Only the exception's code, locator and message reach the client,
 * never a stack trace. The HTTP status comes from the {@link OwsException}.
 */
public final class ExceptionReportWriter {

    /** Which OWS Common schema the report follows. */
    public enum Dialect {
        /** WFS 2.0 (OGC 09-025r2 §7.5): OWS 1.1 namespace, report version 2.0.0. */
        WFS_20("http://www.opengis.net/ows/1.1", "2.0.0", "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"),
        /** Plain OWS Common 1.1. */
        OWS_11("http://www.opengis.net/ows/1.1", "1.1.0", "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"),
        /** OWS Common 2.0. */
        OWS_20("http://www.opengis.net/ows/2.0", "2.0.0", "http://schemas.opengis.net/ows/2.0/owsExceptionReport.xsd");

        final String namespace;
        final String version;
        final String schema;

        Dialect(String namespace, String version, String schema) {
            this.namespace = namespace;
            this.version = version;
            this.schema = schema;
        }
    }

    public static final String CONTENT_TYPE = "application/xml; charset=UTF-8";

    private ExceptionReportWriter() {
    }

    /** The report as an answer with the exception's HTTP status, for the web layer to send. */
    public static OgcResponse response(OwsException e, Dialect dialect) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            write(e, bytes, dialect);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return OgcResponse.of(e.httpStatus(), CONTENT_TYPE, Map.of(), bytes.toByteArray());
    }

    public static void write(OwsException e, OutputStream out, Dialect dialect) throws IOException {
        String ns = dialect.namespace;
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("ows", ns);
            w.writeStartElement(ns, "ExceptionReport");
            w.writeNamespace("ows", ns);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", ns + " " + dialect.schema);
            w.writeAttribute("version", dialect.version);
            w.writeAttribute("xml:lang", "fr");
            w.writeStartElement(ns, "Exception");
            w.writeAttribute("exceptionCode", e.code());
            if (e.locator() != null && !e.locator().isEmpty()) {
                w.writeAttribute("locator", XmlText.clean(e.locator()));
            }
            w.writeStartElement(ns, "ExceptionText");
            w.writeCharacters(XmlText.clean(e.getMessage() == null ? e.code() : e.getMessage()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
            out.flush();
        } catch (XMLStreamException x) {
            throw new IOException("cannot write the exception report", x);
        }
    }
}
