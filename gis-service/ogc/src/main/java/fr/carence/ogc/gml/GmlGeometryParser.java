package fr.carence.ogc.gml;

import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.CrsNameParser;
import fr.carence.ogc.crs.OgcCoordinates;
import fr.carence.ogc.xml.Dom;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Element;

/**
 * Reads GML 3.2 geometries of filters (also the GML 3.1 names and {@code gml:coordinates} that
 * older clients send): Envelope, Point, LineString, Curve with one LineStringSegment, Polygon,
 * Surface with one PolygonPatch, MultiPoint, MultiCurve/MultiLineString, MultiSurface/MultiPolygon.
 * Coordinates follow the axis order of the {@code srsName} in force (the geometry's own, else an
 * ancestor's, else the default given by the caller), and the result is in storage coordinates.
 */
public final class GmlGeometryParser {

    private final GeometryFactory factory = new GeometryFactory();

    /** Thrown with a message naming the element at fault. */
    public static class GmlException extends RuntimeException {
        public GmlException(String message) {
            super(message);
        }
    }

    /** Parses a geometry element and converts it to storage coordinates. */
    public Geometry parseToStorage(Element element, CrsName defaultCrs) {
        CrsName crs = crs(element, defaultCrs);
        Geometry g = parse(element, crs);
        return OgcCoordinates.toStorage(g, crs);
    }

    /** True when the element is a GML geometry or envelope this parser reads. */
    public static boolean isGeometry(Element e) {
        return switch (Dom.localName(e)) {
            case "Envelope", "Point", "LineString", "Curve", "Polygon", "Surface", "MultiPoint", "MultiCurve",
                    "MultiLineString", "MultiSurface", "MultiPolygon", "LinearRing" -> true;
            default -> false;
        };
    }

    private CrsName crs(Element e, CrsName inherited) {
        String name = Dom.attribute(e, "srsName");
        if (name == null || name.isBlank()) {
            return inherited;
        }
        try {
            return CrsNameParser.parse(name);
        } catch (IllegalArgumentException x) {
            throw new GmlException("srsName de <" + Dom.localName(e) + "> invalide : " + x.getMessage());
        }
    }

    /** Coordinates are kept in the order written; the caller applies the CRS's axis order. */
    private Geometry parse(Element e, CrsName crs) {
        String name = Dom.localName(e);
        switch (name) {
            case "Envelope": {
                Coordinate lo = single(childText(e, "lowerCorner"), e);
                Coordinate hi = single(childText(e, "upperCorner"), e);
                return factory.toGeometry(new Envelope(lo, hi));
            }
            case "Point":
                return factory.createPoint(single(positions(e), e));
            case "LineString":
                return line(e);
            case "Curve": {
                Element segments = Dom.child(e, "segments").orElseThrow(() -> new GmlException("<gml:Curve> sans <gml:segments>"));
                List<Element> parts = Dom.children(segments);
                if (parts.size() != 1 || !Dom.localName(parts.get(0)).equals("LineStringSegment")) {
                    throw new GmlException("<gml:Curve> : seul un unique <gml:LineStringSegment> est pris en charge");
                }
                return line(parts.get(0));
            }
            case "LinearRing":
                return ring(e);
            case "Polygon":
                return polygon(e);
            case "Surface": {
                Element patches = Dom.child(e, "patches").orElseThrow(() -> new GmlException("<gml:Surface> sans <gml:patches>"));
                List<Element> parts = Dom.children(patches);
                if (parts.size() != 1 || !Dom.localName(parts.get(0)).equals("PolygonPatch")) {
                    throw new GmlException("<gml:Surface> : seul un unique <gml:PolygonPatch> est pris en charge");
                }
                return polygon(parts.get(0));
            }
            case "MultiPoint":
                return factory.createMultiPoint(members(e, crs, "pointMember", "pointMembers").stream()
                        .map(g -> cast(g, Point.class, e)).toArray(Point[]::new));
            case "MultiCurve":
            case "MultiLineString":
                return factory.createMultiLineString(members(e, crs, "curveMember", "curveMembers", "lineStringMember").stream()
                        .map(g -> cast(g, LineString.class, e)).toArray(LineString[]::new));
            case "MultiSurface":
            case "MultiPolygon":
                return factory.createMultiPolygon(members(e, crs, "surfaceMember", "surfaceMembers", "polygonMember").stream()
                        .map(g -> cast(g, Polygon.class, e)).toArray(Polygon[]::new));
            default:
                throw new GmlException("géométrie GML non prise en charge : <" + name + ">");
        }
    }

    private List<Geometry> members(Element multi, CrsName crs, String... memberNames) {
        List<Geometry> out = new ArrayList<>();
        for (Element m : Dom.children(multi)) {
            String n = Dom.localName(m);
            for (String wanted : memberNames) {
                if (n.equals(wanted)) {
                    for (Element g : Dom.children(m)) {
                        CrsName own = crs(g, crs);
                        if (!own.equals(crs)) {
                            throw new GmlException("<" + Dom.localName(g) + "> : srsName différent de celui de la géométrie multiple");
                        }
                        out.add(parse(g, crs));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new GmlException("<gml:" + Dom.localName(multi) + "> sans membre");
        }
        return out;
    }

    private static <T extends Geometry> T cast(Geometry g, Class<T> type, Element parent) {
        if (!type.isInstance(g)) {
            throw new GmlException("<gml:" + Dom.localName(parent) + "> contient un " + g.getGeometryType()
                    + " au lieu d'un " + type.getSimpleName());
        }
        return type.cast(g);
    }

    private LineString line(Element e) {
        Coordinate[] c = positions(e);
        if (c.length < 2) {
            throw new GmlException("<gml:" + Dom.localName(e) + "> : au moins 2 positions attendues");
        }
        return factory.createLineString(c);
    }

    private Polygon polygon(Element e) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Element b : Dom.children(e)) {
            String n = Dom.localName(b);
            if (n.equals("exterior") || n.equals("outerBoundaryIs")) {
                shell = ring(ringOf(b));
            } else if (n.equals("interior") || n.equals("innerBoundaryIs")) {
                holes.add(ring(ringOf(b)));
            }
        }
        if (shell == null) {
            throw new GmlException("<gml:Polygon> sans <gml:exterior>");
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static Element ringOf(Element boundary) {
        return Dom.child(boundary, "LinearRing")
                .orElseThrow(() -> new GmlException("<gml:" + Dom.localName(boundary) + "> sans <gml:LinearRing>"));
    }

    private LinearRing ring(Element e) {
        Coordinate[] c = positions(e);
        if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
            throw new GmlException("<gml:LinearRing> : anneau non fermé ou de moins de 4 positions");
        }
        return factory.createLinearRing(c);
    }

    private static String childText(Element e, String name) {
        return Dom.child(e, name).map(Dom::text)
                .orElseThrow(() -> new GmlException("<gml:" + Dom.localName(e) + "> sans <gml:" + name + ">"));
    }

    private static Coordinate single(Coordinate[] c, Element e) {
        if (c.length != 1) {
            throw new GmlException("<gml:" + Dom.localName(e) + "> : une seule position attendue");
        }
        return c[0];
    }

    private static Coordinate single(String text, Element e) {
        return single(parseNumbers(text, 2, e), e);
    }

    /** posList, a sequence of pos, or gml:coordinates. */
    private static Coordinate[] positions(Element e) {
        int dim = 2;
        var posList = Dom.child(e, "posList");
        if (posList.isPresent()) {
            String d = Dom.attribute(posList.get(), "srsDimension");
            if (d != null) {
                dim = parseDimension(d, e);
            }
            return parseNumbers(Dom.text(posList.get()), dim, e);
        }
        List<Element> pos = Dom.children(e, "pos");
        if (!pos.isEmpty()) {
            List<Coordinate> out = new ArrayList<>();
            for (Element p : pos) {
                String d = Dom.attribute(p, "srsDimension");
                Coordinate[] one = parseNumbers(Dom.text(p), d == null ? Dom.text(p).split("\\s+").length : parseDimension(d, e), e);
                out.add(one[0]);
            }
            return out.toArray(Coordinate[]::new);
        }
        var coords = Dom.child(e, "coordinates");
        if (coords.isPresent()) {
            String cs = coalesce(Dom.attribute(coords.get(), "cs"), ",");
            String ts = coalesce(Dom.attribute(coords.get(), "ts"), " ");
            List<Coordinate> out = new ArrayList<>();
            for (String tuple : Dom.text(coords.get()).split(java.util.regex.Pattern.quote(ts))) {
                if (tuple.isBlank()) {
                    continue;
                }
                String[] xy = tuple.trim().split(java.util.regex.Pattern.quote(cs));
                out.add(new Coordinate(number(xy[0], e), number(xy.length > 1 ? xy[1] : "", e)));
            }
            return out.toArray(Coordinate[]::new);
        }
        throw new GmlException("<gml:" + Dom.localName(e) + "> sans coordonnées (posList, pos ou coordinates)");
    }

    private static int parseDimension(String d, Element e) {
        try {
            int dim = Integer.parseInt(d.trim());
            if (dim < 2 || dim > 4) {
                throw new NumberFormatException();
            }
            return dim;
        } catch (NumberFormatException x) {
            throw new GmlException("<gml:" + Dom.localName(e) + "> : srsDimension '" + d + "' invalide");
        }
    }

    private static Coordinate[] parseNumbers(String text, int dim, Element e) {
        String[] parts = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        if (parts.length == 0 || parts.length % dim != 0) {
            throw new GmlException("<gml:" + Dom.localName(e) + "> : " + parts.length
                    + " nombres, pas un multiple de la dimension " + dim);
        }
        Coordinate[] out = new Coordinate[parts.length / dim];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Coordinate(number(parts[i * dim], e), number(parts[i * dim + 1], e));
        }
        return out;
    }

    private static double number(String s, Element e) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException x) {
            throw new GmlException("<gml:" + Dom.localName(e) + "> : coordonnée '" + s + "' non numérique");
        }
    }

    private static String coalesce(String a, String b) {
        return a == null || a.isEmpty() ? b : a;
    }
}
