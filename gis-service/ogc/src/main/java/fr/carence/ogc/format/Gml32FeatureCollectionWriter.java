package fr.carence.ogc.format;

import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.gml.GmlGeometryWriter;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.LayerSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** GML 3.2 simple features in a WFS 2.0 {@code wfs:FeatureCollection} (the default format). */
public final class Gml32FeatureCollectionWriter implements FeatureCollectionWriter {

    public static final String WFS = "http://www.opengis.net/wfs/2.0";
    public static final String GML = GmlGeometryWriter.GML32_NS;
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String MIME = "application/gml+xml; version=3.2";

    @Override
    public int order() {
        // the default (WFS 2.0 requires GML 3.2)
        return 0;
    }

    @Override
    public List<String> formatNames() {
        return List.of(MIME, "text/xml; subtype=gml/3.2", "gml32", "application/gml+xml");
    }

    @Override
    public String contentType() {
        return "application/gml+xml; version=3.2; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return null;
    }

    @Override
    public CrsName defaultCrs() {
        return null;
    }

    @Override
    public boolean honoursAxisOrder() {
        return true;
    }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("wfs", WFS);
            w.setPrefix("gml", GML);
            w.setPrefix(r.workspace(), r.namespaceUri());
            w.writeStartElement(WFS, "FeatureCollection");
            w.writeNamespace("wfs", WFS);
            w.writeNamespace("gml", GML);
            w.writeNamespace("xsi", XSI);
            w.writeNamespace(r.workspace(), r.namespaceUri());
            StringBuilder loc = new StringBuilder(WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd "
                    + GML + " http://schemas.opengis.net/gml/3.2.1/gml.xsd");
            if (r.schemaLocation() != null) {
                loc.append(' ').append(r.namespaceUri()).append(' ').append(r.schemaLocation());
            }
            w.writeAttribute("xsi", XSI, "schemaLocation", loc.toString());
            w.writeAttribute("timeStamp", DateTimeFormatter.ISO_INSTANT.format(r.timeStamp().truncatedTo(ChronoUnit.MILLIS)));
            w.writeAttribute("numberMatched", r.numberMatched().isPresent() ? Long.toString(r.numberMatched().getAsLong()) : "unknown");
            w.writeAttribute("numberReturned", Long.toString(r.numberReturned()));
            if (r.next() != null) {
                w.writeAttribute("next", r.next());
            }
            if (r.previous() != null) {
                w.writeAttribute("previous", r.previous());
            }
            for (LayerFeatures lf : r.layers()) {
                try (FeatureCursor c = lf.cursor().get()) {
                    while (c.hasNext()) {
                        w.writeStartElement(WFS, "member");
                        writeFeature(w, r, lf, c.next());
                        w.writeEndElement();
                    }
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("GML output failed", e);
        }
    }

    /** Writes one feature as the document element (GetFeatureById answers with the bare feature). */
    public void writeStandalone(FeatureCollectionResult r, LayerFeatures lf, Feature f, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("gml", GML);
            w.setPrefix(r.workspace(), r.namespaceUri());
            w.writeStartElement(r.workspace(), lf.layer(), r.namespaceUri());
            w.writeNamespace("gml", GML);
            w.writeNamespace("xsi", XSI);
            w.writeNamespace(r.workspace(), r.namespaceUri());
            if (r.schemaLocation() != null) {
                w.writeAttribute("xsi", XSI, "schemaLocation", r.namespaceUri() + " " + r.schemaLocation());
            }
            writeFeatureContent(w, r, lf, f);
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("GML output failed", e);
        }
    }

    private void writeFeature(XMLStreamWriter w, FeatureCollectionResult r, LayerFeatures lf, Feature f) throws XMLStreamException {
        w.writeStartElement(r.namespaceUri(), lf.layer());
        writeFeatureContent(w, r, lf, f);
        w.writeEndElement();
    }

    private void writeFeatureContent(XMLStreamWriter w, FeatureCollectionResult r, LayerFeatures lf, Feature f)
            throws XMLStreamException {
        String gmlId = FeatureIds.encode(lf.layer(), f.id());
        w.writeAttribute("gml", GML, "id", gmlId);
        for (String a : lf.attributes()) {
            Object v = f.get(a);
            if (v == null) {
                continue;
            }
            w.writeStartElement(r.namespaceUri(), a);
            w.writeCharacters(ValueText.of(v));
            w.writeEndElement();
        }
        if (lf.geometry() && f.geometry() != null) {
            w.writeStartElement(r.namespaceUri(), LayerSchema.GEOMETRY_COLUMN);
            GmlGeometryWriter.gml32(w).write(f.geometry(), r.crs().spelling(), gmlId + ".geom");
            w.writeEndElement();
        }
    }
}
