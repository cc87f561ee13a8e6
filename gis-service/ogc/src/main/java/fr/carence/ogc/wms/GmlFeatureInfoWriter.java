package fr.carence.ogc.wms;

import fr.carence.ogc.gml.GmlGeometryWriter;
import fr.carence.store.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A wfs:FeatureCollection (WFS 1.x) of gml:featureMember, geometries in the request CRS and axis
 * order, in GML 2 ({@code fid}) or GML 3.1.1 ({@code gml:id}): the two plug-ins below.
 */
abstract class GmlFeatureInfoWriter implements FeatureInfoWriter {

    private static final String WFS_1 = "http://www.opengis.net/wfs";

    private final GmlGeometryWriter.Version version;

    GmlFeatureInfoWriter(GmlGeometryWriter.Version version) {
        this.version = version;
    }

    @Override
    public void write(FeatureInfoResult result, OutputStream out) throws IOException {
        String workspace = result.workspace();
        String namespaceUri = result.namespaceUri();
        WmsCrs crs = result.crs();
        String gml = version.namespace();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("wfs", "FeatureCollection", WFS_1);
            w.writeNamespace("wfs", WFS_1);
            w.writeNamespace("gml", gml);
            w.writeNamespace(workspace, namespaceUri);
            // Two decimals in metres, seven in degrees (about 1 cm either way).
            GmlGeometryWriter geometries = new GmlGeometryWriter(w, version, crs.latitudeFirst(),
                    v -> String.format(Locale.ROOT, crs.geographic() ? "%.7f" : "%.2f", v));
            for (FeatureInfoHits h : result.hits()) {
                for (Feature f : h.features()) {
                    w.writeStartElement("gml", "featureMember", gml);
                    w.writeStartElement(workspace, h.layer().name(), namespaceUri);
                    if (version == GmlGeometryWriter.Version.GML2) {
                        w.writeAttribute("fid", h.layer().name() + "." + f.id());
                    } else {
                        w.writeAttribute("gml", gml, "id", h.layer().name() + "." + f.id());
                    }
                    for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                        if (e.getValue() != null) {
                            w.writeStartElement(workspace, e.getKey(), namespaceUri);
                            w.writeCharacters(e.getValue().toString());
                            w.writeEndElement();
                        }
                    }
                    if (f.geometry() != null) {
                        w.writeStartElement(workspace, "geom", namespaceUri);
                        geometries.write(f.geometry(), crs.name(), null);
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GML feature info", e);
        }
    }
}
