package fr.carence.ogc.gml;

import fr.carence.ogc.core.Numbers;
import java.util.function.DoubleFunction;
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
 * Writes JTS geometries as GML simple features, in the GML version the protocol asks: GML 3.2 for
 * WFS 2.0 (as GeoServer does), GML 2 and GML 3.1.1 for WMS GetFeatureInfo. What the versions
 * change is all here: the namespace, the element names (outer/innerBoundaryIs and
 * MultiPolygon/MultiLineString in GML 2, exterior/interior and MultiSurface/MultiCurve after), the
 * coordinates ({@code gml:coordinates} "x,y x,y" in GML 2, {@code gml:pos}/{@code gml:posList}
 * after), and the {@code gml:id} and {@code srsDimension} GML 3.2 requires on every geometry. The
 * {@code srsName} goes on the outer geometry only. Numbers are written by the caller's formatter,
 * and axes swapped here when the caller has not already put them in the CRS's order.
 */
public final class GmlGeometryWriter {

    /** The GML versions Carence writes. */
    public enum Version {
        GML2("http://www.opengis.net/gml"),
        GML311("http://www.opengis.net/gml"),
        GML32("http://www.opengis.net/gml/3.2");

        private final String namespace;

        Version(String namespace) {
            this.namespace = namespace;
        }

        public String namespace() {
            return namespace;
        }
    }

    /** GML 3.2 namespace (WFS 2.0). */
    public static final String GML32_NS = Version.GML32.namespace();
    /** GML 2 and 3.1.1 namespace (WMS GetFeatureInfo). */
    public static final String GML_NS = Version.GML2.namespace();

    private final XMLStreamWriter w;
    private final Version version;
    private final String ns;
    private final boolean swapAxes;
    private final DoubleFunction<String> number;

    /**
     * @param swapAxes write each coordinate as (y, x): the CRS is latitude first and the geometry
     *                 still x = longitude
     * @param number   text of one coordinate value
     */
    public GmlGeometryWriter(XMLStreamWriter w, Version version, boolean swapAxes, DoubleFunction<String> number) {
        this.w = w;
        this.version = version;
        this.ns = version.namespace();
        this.swapAxes = swapAxes;
        this.number = number;
    }

    /** GML 3.2 as WFS writes it: coordinates already in the CRS's axis order, shortest round-trip decimals. */
    public static GmlGeometryWriter gml32(XMLStreamWriter w) {
        return new GmlGeometryWriter(w, Version.GML32, false, Numbers::format);
    }

    /**
     * Writes one geometry with its srsName.
     *
     * @param id the geometry's {@code gml:id} (GML 3.2; members get {@code id.1}, {@code id.2}...), ignored before 3.2
     */
    public void write(Geometry g, String srsName, String id) throws XMLStreamException {
        geometry(g, version == Version.GML32 ? id : null, srsName);
    }

    private void geometry(Geometry g, String id, String srsName) throws XMLStreamException {
        if (g instanceof Point p) {
            start("Point", id, srsName);
            coordinates(p.getCoordinateSequence(), "pos");
            w.writeEndElement();
        } else if (g instanceof LineString l) {
            start("LineString", id, srsName);
            coordinates(l.getCoordinateSequence(), "posList");
            w.writeEndElement();
        } else if (g instanceof Polygon p) {
            polygon(p, id, srsName);
        } else if (g instanceof MultiPoint mp) {
            multi(mp, "MultiPoint", "pointMember", id, srsName);
        } else if (g instanceof MultiLineString ml) {
            boolean gml2 = version == Version.GML2;
            multi(ml, gml2 ? "MultiLineString" : "MultiCurve", gml2 ? "lineStringMember" : "curveMember", id, srsName);
        } else if (g instanceof MultiPolygon mp) {
            boolean gml2 = version == Version.GML2;
            multi(mp, gml2 ? "MultiPolygon" : "MultiSurface", gml2 ? "polygonMember" : "surfaceMember", id, srsName);
        } else if (g instanceof GeometryCollection gc) {
            multi(gc, "MultiGeometry", "geometryMember", id, srsName);
        } else {
            throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
        }
    }

    private void multi(GeometryCollection gc, String name, String member, String id, String srsName)
            throws XMLStreamException {
        start(name, id, srsName);
        for (int i = 0; i < gc.getNumGeometries(); i++) {
            w.writeStartElement("gml", member, ns);
            geometry(gc.getGeometryN(i), id == null ? null : id + "." + (i + 1), null);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void polygon(Polygon p, String id, String srsName) throws XMLStreamException {
        boolean gml2 = version == Version.GML2;
        start("Polygon", id, srsName);
        ring(gml2 ? "outerBoundaryIs" : "exterior", p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(gml2 ? "innerBoundaryIs" : "interior", p.getInteriorRingN(i).getCoordinateSequence());
        }
        w.writeEndElement();
    }

    private void ring(String boundary, CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement("gml", boundary, ns);
        w.writeStartElement("gml", "LinearRing", ns);
        coordinates(seq, "posList");
        w.writeEndElement();
        w.writeEndElement();
    }

    private void start(String name, String id, String srsName) throws XMLStreamException {
        w.writeStartElement("gml", name, ns);
        if (id != null) {
            w.writeAttribute("gml", ns, "id", id);
        }
        if (srsName != null) {
            w.writeAttribute("srsName", srsName);
            if (version == Version.GML32) {
                w.writeAttribute("srsDimension", "2");
            }
        }
    }

    /** {@code gml:coordinates} (GML 2), else {@code element}; GML 3.1.1 writes a single position as {@code gml:pos}. */
    private void coordinates(CoordinateSequence seq, String element) throws XMLStreamException {
        int n = seq.size();
        String pair;
        if (version == Version.GML2) {
            w.writeStartElement("gml", "coordinates", ns);
            pair = ",";
        } else {
            w.writeStartElement("gml", version == Version.GML311 && n == 1 ? "pos" : element, ns);
            if (version == Version.GML32) {
                w.writeAttribute("srsDimension", "2");
            }
            pair = " ";
        }
        StringBuilder sb = new StringBuilder(n * 24);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            double x = seq.getX(i);
            double y = seq.getY(i);
            sb.append(number.apply(swapAxes ? y : x)).append(pair).append(number.apply(swapAxes ? x : y));
        }
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }
}
