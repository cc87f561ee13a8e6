package fr.carence.ogc.wms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.format.GeoJsonGeometryWriter;
import fr.carence.store.Feature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Encodes GetFeatureInfo results in each INFO_FORMAT. */
final class FeatureInfoWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespaceUri;
    private final String workspace;

    FeatureInfoWriter(String workspace, String namespaceUri) {
        this.workspace = workspace;
        this.namespaceUri = namespaceUri;
    }

    byte[] write(FeatureInfoFormat format, List<FeatureInfoHits> hits, WmsCrs crs) throws IOException {
        return switch (format) {
            case JSON -> json(hits, crs);
            case HTML -> html(hits).getBytes(StandardCharsets.UTF_8);
            case TEXT -> text(hits).getBytes(StandardCharsets.UTF_8);
            case GML2 -> gml(hits, crs, false);
            case GML3 -> gml(hits, crs, true);
        };
    }

    /** GeoJSON FeatureCollection; geometries in CRS:84 lon/lat as RFC 7946 requires. */
    private static byte[] json(List<FeatureInfoHits> hits, WmsCrs crs) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (FeatureInfoHits h : hits) {
            for (Feature f : h.features()) {
                ObjectNode o = features.addObject();
                o.put("type", "Feature");
                o.put("id", h.layer().name() + "." + f.id());
                o.put("layer", h.qualifiedName());
                if (f.geometry() == null) {
                    o.putNull("geometry");
                } else {
                    o.putRawValue("geometry", new RawValue(
                            GeoJsonGeometryWriter.json(CrsTransforms.transform(f.geometry(), crs.epsg(), 4326), 7)));
                }
                o.set("properties", JSON.valueToTree(plain(f.properties())));
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static Map<String, Object> plain(Map<String, Object> props) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, v == null || v instanceof Number || v instanceof Boolean || v instanceof String
                ? v : v.toString()));
        return out;
    }

    private static String html(List<FeatureInfoHits> hits) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\">"
                + "<title>Informations</title></head><body>\n");
        if (hits.stream().allMatch(h -> h.features().isEmpty())) {
            sb.append("<p>Aucun objet à cet endroit.</p>\n");
        }
        for (FeatureInfoHits h : hits) {
            if (h.features().isEmpty()) {
                continue;
            }
            sb.append("<h2>").append(escape(h.layer().title())).append("</h2>\n");
            for (Feature f : h.features()) {
                sb.append("<table>\n<caption>").append(escape(h.layer().name() + "." + f.id())).append("</caption>\n");
                for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                    sb.append("<tr><th>").append(escape(e.getKey())).append("</th><td>")
                            .append(escape(e.getValue() == null ? "" : e.getValue().toString())).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String text(List<FeatureInfoHits> hits) {
        StringBuilder sb = new StringBuilder();
        for (FeatureInfoHits h : hits) {
            sb.append("Couche '").append(h.qualifiedName()).append("' : ").append(h.features().size())
                    .append(" objet(s)\n");
            for (Feature f : h.features()) {
                sb.append("  ").append(h.layer().name()).append('.').append(f.id()).append('\n');
                f.properties().forEach((k, v) -> sb.append("    ").append(k).append(" = ").append(v).append('\n'));
            }
        }
        return sb.toString();
    }

    /** A wfs:FeatureCollection of gml:featureMember, geometries in the request CRS and axis order. */
    private byte[] gml(List<FeatureInfoHits> hits, WmsCrs crs, boolean gml3) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            String gml = GmlGeometryWriter.GML_NS;
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("wfs", "FeatureCollection", "http://www.opengis.net/wfs");
            w.writeNamespace("wfs", "http://www.opengis.net/wfs");
            w.writeNamespace("gml", gml);
            w.writeNamespace(workspace, namespaceUri);
            GmlGeometryWriter geometries = new GmlGeometryWriter(w, gml3, crs);
            for (FeatureInfoHits h : hits) {
                for (Feature f : h.features()) {
                    w.writeStartElement("gml", "featureMember", gml);
                    w.writeStartElement(workspace, h.layer().name(), namespaceUri);
                    if (gml3) {
                        w.writeAttribute("gml", gml, "id", h.layer().name() + "." + f.id());
                    } else {
                        w.writeAttribute("fid", h.layer().name() + "." + f.id());
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
                        geometries.write(f.geometry());
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
        return bytes.toByteArray();
    }

    private static String escape(String s) {
        return fr.carence.ogc.xml.XmlText.escape(s);
    }
}
