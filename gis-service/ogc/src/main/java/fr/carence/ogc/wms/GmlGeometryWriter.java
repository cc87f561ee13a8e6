package fr.carence.ogc.wms;

import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GML 2 (gml:coordinates, outer/innerBoundaryIs) or GML 3.1.1
 * (gml:posList, exterior/interior, MultiSurface/MultiCurve), in the axis order of the CRS.
 */
final class GmlGeometryWriter {

    static final String GML_NS = "http://www.opengis.net/gml";

    private final XMLStreamWriter w;
    private final boolean gml3;
    private final WmsCrs crs;

    GmlGeometryWriter(XMLStreamWriter w, boolean gml3, WmsCrs crs) {
        this.w = w;
        this.gml3 = gml3;
        this.crs = crs;
    }

    void write(Geometry g) throws XMLStreamException {
        write(g, true);
    }

    private void write(Geometry g, boolean top) throws XMLStreamException {
        String type = g.getGeometryType();
        switch (type) {
            case "Point" -> {
                start("Point", top);
                coordinates(((Point) g).getCoordinates());
                w.writeEndElement();
            }
            case "LineString", "LinearRing" -> {
                start("LineString", top);
                coordinates(g.getCoordinates());
                w.writeEndElement();
            }
            case "Polygon" -> polygon((Polygon) g, top);
            case "MultiPolygon" -> multi(g, gml3 ? "MultiSurface" : "MultiPolygon", gml3 ? "surfaceMember" : "polygonMember", top);
            case "MultiLineString" -> multi(g, gml3 ? "MultiCurve" : "MultiLineString", gml3 ? "curveMember" : "lineStringMember", top);
            case "MultiPoint" -> multi(g, "MultiPoint", "pointMember", top);
            default -> multi(g, "MultiGeometry", "geometryMember", top);
        }
    }

    private void multi(Geometry g, String element, String member, boolean top) throws XMLStreamException {
        start(element, top);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            w.writeStartElement("gml", member, GML_NS);
            write(g.getGeometryN(i), false);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void polygon(Polygon p, boolean top) throws XMLStreamException {
        start("Polygon", top);
        ring(gml3 ? "exterior" : "outerBoundaryIs", (LineString) p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(gml3 ? "interior" : "innerBoundaryIs", p.getInteriorRingN(i));
        }
        w.writeEndElement();
    }

    private void ring(String element, LineString ring) throws XMLStreamException {
        w.writeStartElement("gml", element, GML_NS);
        w.writeStartElement("gml", "LinearRing", GML_NS);
        coordinates(ring.getCoordinates());
        w.writeEndElement();
        w.writeEndElement();
    }

    private void start(String element, boolean top) throws XMLStreamException {
        w.writeStartElement("gml", element, GML_NS);
        if (top) {
            w.writeAttribute("srsName", crs.name());
        }
    }

    private void coordinates(Coordinate[] cs) throws XMLStreamException {
        StringBuilder sb = new StringBuilder(cs.length * 24);
        for (Coordinate c : cs) {
            double a = crs.latitudeFirst() ? c.y : c.x;
            double b = crs.latitudeFirst() ? c.x : c.y;
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(num(a)).append(gml3 ? " " : ",").append(num(b));
        }
        if (gml3) {
            w.writeStartElement("gml", cs.length == 1 ? "pos" : "posList", GML_NS);
        } else {
            w.writeStartElement("gml", "coordinates", GML_NS);
        }
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }

    private String num(double v) {
        return String.format(Locale.ROOT, crs.geographic() ? "%.7f" : "%.2f", v);
    }
}
