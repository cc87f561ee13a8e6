package fr.carence.ogc.gml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The one GML geometry writer in each version: names, coordinates, ids and srsName as each schema wants them. */
class GmlGeometryWriterTest {

    private static String write(String wkt, GmlGeometryWriter.Version version, boolean swap, String id) throws Exception {
        Geometry g = new WKTReader().read(wkt);
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        w.writeStartElement("gml", "root", version.namespace());
        w.writeNamespace("gml", version.namespace());
        new GmlGeometryWriter(w, version, swap, v -> String.format(Locale.ROOT, "%.1f", v)).write(g, "EPSG:4326", id);
        w.writeEndElement();
        w.close();
        String s = out.toString();
        return s.substring(s.indexOf('>') + 1, s.lastIndexOf("</gml:root>"));
    }

    @Test
    void gml2UsesCoordinatesAndBoundaries() throws Exception {
        assertThat(write("MULTIPOLYGON(((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))", GmlGeometryWriter.Version.GML2, true, "x"))
                .isEqualTo("<gml:MultiPolygon srsName=\"EPSG:4326\"><gml:polygonMember><gml:Polygon><gml:outerBoundaryIs>"
                        + "<gml:LinearRing><gml:coordinates>0.0,0.0 0.0,4.0 4.0,4.0 0.0,0.0</gml:coordinates></gml:LinearRing>"
                        + "</gml:outerBoundaryIs><gml:innerBoundaryIs><gml:LinearRing><gml:coordinates>1.0,1.0 1.0,2.0 2.0,2.0 1.0,1.0"
                        + "</gml:coordinates></gml:LinearRing></gml:innerBoundaryIs></gml:Polygon></gml:polygonMember></gml:MultiPolygon>");
        assertThat(write("MULTILINESTRING((0 1, 2 3))", GmlGeometryWriter.Version.GML2, false, null))
                .isEqualTo("<gml:MultiLineString srsName=\"EPSG:4326\"><gml:lineStringMember><gml:LineString>"
                        + "<gml:coordinates>0.0,1.0 2.0,3.0</gml:coordinates></gml:LineString></gml:lineStringMember></gml:MultiLineString>");
    }

    @Test
    void gml311UsesPosListWithoutIds() throws Exception {
        assertThat(write("MULTILINESTRING((0 1, 2 3))", GmlGeometryWriter.Version.GML311, true, "ignored"))
                .isEqualTo("<gml:MultiCurve srsName=\"EPSG:4326\"><gml:curveMember><gml:LineString>"
                        + "<gml:posList>1.0 0.0 3.0 2.0</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve>");
        assertThat(write("POINT(5 6)", GmlGeometryWriter.Version.GML311, false, null))
                .isEqualTo("<gml:Point srsName=\"EPSG:4326\"><gml:pos>5.0 6.0</gml:pos></gml:Point>");
    }

    @Test
    void gml32GivesEveryGeometryAnIdAndDimension() throws Exception {
        assertThat(write("MULTIPOINT((5 6), (7 8))", GmlGeometryWriter.Version.GML32, false, "f.1.geom"))
                .isEqualTo("<gml:MultiPoint gml:id=\"f.1.geom\" srsName=\"EPSG:4326\" srsDimension=\"2\">"
                        + "<gml:pointMember><gml:Point gml:id=\"f.1.geom.1\"><gml:pos srsDimension=\"2\">5.0 6.0</gml:pos></gml:Point></gml:pointMember>"
                        + "<gml:pointMember><gml:Point gml:id=\"f.1.geom.2\"><gml:pos srsDimension=\"2\">7.0 8.0</gml:pos></gml:Point></gml:pointMember>"
                        + "</gml:MultiPoint>");
        assertThat(write("POLYGON((0 0, 4 0, 4 4, 0 0))", GmlGeometryWriter.Version.GML32, false, "p"))
                .isEqualTo("<gml:Polygon gml:id=\"p\" srsName=\"EPSG:4326\" srsDimension=\"2\"><gml:exterior><gml:LinearRing>"
                        + "<gml:posList srsDimension=\"2\">0.0 0.0 4.0 0.0 4.0 4.0 0.0 0.0</gml:posList></gml:LinearRing></gml:exterior>"
                        + "</gml:Polygon>");
    }
}
