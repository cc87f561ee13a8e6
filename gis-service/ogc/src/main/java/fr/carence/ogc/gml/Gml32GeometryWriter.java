package fr.carence.ogc.gml;

import fr.carence.ogc.core.Numbers;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GML 3.2 simple features (as GeoServer does): Point, LineString,
 * Polygon, MultiPoint, MultiCurve of LineStrings, MultiSurface of Polygons. Coordinates are
 * written in the order they are in (the caller has already applied the CRS's axis order), and
 * every geometry carries the {@code gml:id} GML 3.2 requires.
 */
public final class Gml32GeometryWriter {

    public static final String GML = "http://www.opengis.net/gml/3.2";

    private Gml32GeometryWriter() {
    }

    public static void write(XMLStreamWriter w, Geometry g, String id, String srsName) throws XMLStreamException {
        if (g instanceof Point p) {
            start(w, "Point", id, srsName);
            w.writeStartElement(GML, "pos");
            w.writeAttribute("srsDimension", "2");
            w.writeCharacters(Numbers.format(p.getX()) + " " + Numbers.format(p.getY()));
            w.writeEndElement();
            w.writeEndElement();
        } else if (g instanceof LineString l) {
            start(w, "LineString", id, srsName);
            posList(w, l.getCoordinateSequence());
            w.writeEndElement();
        } else if (g instanceof Polygon p) {
            polygon(w, p, id, srsName);
        } else if (g instanceof MultiPoint mp) {
            multi(w, mp, "MultiPoint", "pointMember", id, srsName);
        } else if (g instanceof MultiLineString ml) {
            multi(w, ml, "MultiCurve", "curveMember", id, srsName);
        } else if (g instanceof MultiPolygon mp) {
            multi(w, mp, "MultiSurface", "surfaceMember", id, srsName);
        } else if (g instanceof GeometryCollection gc) {
            multi(w, gc, "MultiGeometry", "geometryMember", id, srsName);
        } else {
            throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
        }
    }

    private static void multi(XMLStreamWriter w, GeometryCollection gc, String name, String member, String id, String srsName)
            throws XMLStreamException {
        start(w, name, id, srsName);
        for (int i = 0; i < gc.getNumGeometries(); i++) {
            w.writeStartElement(GML, member);
            write(w, gc.getGeometryN(i), id + "." + (i + 1), null);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void polygon(XMLStreamWriter w, Polygon p, String id, String srsName) throws XMLStreamException {
        start(w, "Polygon", id, srsName);
        w.writeStartElement(GML, "exterior");
        ring(w, p.getExteriorRing().getCoordinateSequence());
        w.writeEndElement();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            w.writeStartElement(GML, "interior");
            ring(w, p.getInteriorRingN(i).getCoordinateSequence());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void ring(XMLStreamWriter w, CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement(GML, "LinearRing");
        posList(w, seq);
        w.writeEndElement();
    }

    private static void start(XMLStreamWriter w, String name, String id, String srsName) throws XMLStreamException {
        w.writeStartElement(GML, name);
        w.writeAttribute("gml", GML, "id", id);
        if (srsName != null) {
            w.writeAttribute("srsName", srsName);
            w.writeAttribute("srsDimension", "2");
        }
    }

    private static void posList(XMLStreamWriter w, CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement(GML, "posList");
        w.writeAttribute("srsDimension", "2");
        StringBuilder sb = new StringBuilder(seq.size() * 24);
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Numbers.format(seq.getX(i))).append(' ').append(Numbers.format(seq.getY(i)));
        }
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }
}
