package fr.carence.ogc.wms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** JTS geometry to a GeoJSON (RFC 7946) geometry object, x = longitude first. */
final class GeoJsonGeometry {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GeoJsonGeometry() {
    }

    static ObjectNode of(Geometry g) {
        ObjectNode o = F.objectNode();
        if (g instanceof Point p) {
            o.put("type", "Point");
            o.set("coordinates", position(p.getCoordinate()));
        } else if (g instanceof LineString l) {
            o.put("type", "LineString");
            o.set("coordinates", positions(l.getCoordinates()));
        } else if (g instanceof Polygon p) {
            o.put("type", "Polygon");
            o.set("coordinates", rings(p));
        } else if (g instanceof MultiPoint m) {
            o.put("type", "MultiPoint");
            o.set("coordinates", positions(m.getCoordinates()));
        } else if (g instanceof MultiLineString m) {
            o.put("type", "MultiLineString");
            ArrayNode a = o.putArray("coordinates");
            for (int i = 0; i < m.getNumGeometries(); i++) {
                a.add(positions(m.getGeometryN(i).getCoordinates()));
            }
        } else if (g instanceof MultiPolygon m) {
            o.put("type", "MultiPolygon");
            ArrayNode a = o.putArray("coordinates");
            for (int i = 0; i < m.getNumGeometries(); i++) {
                a.add(rings((Polygon) m.getGeometryN(i)));
            }
        } else if (g instanceof GeometryCollection c) {
            o.put("type", "GeometryCollection");
            ArrayNode a = o.putArray("geometries");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                a.add(of(c.getGeometryN(i)));
            }
        }
        return o;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode a = F.arrayNode();
        a.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            a.add(positions(p.getInteriorRingN(i).getCoordinates()));
        }
        return a;
    }

    private static ArrayNode positions(Coordinate[] cs) {
        ArrayNode a = F.arrayNode();
        for (Coordinate c : cs) {
            a.add(position(c));
        }
        return a;
    }

    private static ArrayNode position(Coordinate c) {
        ArrayNode a = F.arrayNode();
        // 1e-7 degree is about a centimetre: enough for an info popup.
        a.add(Math.round(c.x * 1e7) / 1e7);
        a.add(Math.round(c.y * 1e7) / 1e7);
        return a;
    }
}
