package fr.carence.ogc.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.CrsNameParser;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * GeoJSON (RFC 7946). Without SRSNAME the geometries are WGS 84 longitude/latitude as the RFC
 * requires; when the client names another CRS (or a latitude-first spelling of 4326) it gets what
 * it asked for, and a legacy {@code crs} member says so, as GeoServer does.
 */
public final class GeoJsonFeatureCollectionWriter implements FeatureCollectionWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /** The names a client may give GeoJSON by (WFS OUTPUTFORMAT, WMS INFO_FORMAT): one list for both. */
    public static final List<String> FORMAT_NAMES = List.of("application/json", "application/geo+json", "json", "geojson");

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> formatNames() {
        return FORMAT_NAMES;
    }

    @Override
    public String contentType() {
        return "application/json; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return null;
    }

    @Override
    public CrsName defaultCrs() {
        return CrsNameParser.parse("OGC:CRS84");
    }

    @Override
    public boolean honoursAxisOrder() {
        return true;
    }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (LayerFeatures lf : r.layers()) {
                try (FeatureCursor c = lf.cursor().get()) {
                    while (c.hasNext()) {
                        writeFeature(g, lf, c.next());
                    }
                }
            }
            g.writeEndArray();
            if (r.numberMatched().isPresent()) {
                g.writeNumberField("numberMatched", r.numberMatched().getAsLong());
            }
            g.writeNumberField("numberReturned", r.numberReturned());
            g.writeStringField("timeStamp", DateTimeFormatter.ISO_INSTANT.format(r.timeStamp().truncatedTo(ChronoUnit.MILLIS)));
            if (r.next() != null || r.previous() != null) {
                g.writeArrayFieldStart("links");
                link(g, "next", r.next());
                link(g, "previous", r.previous());
                g.writeEndArray();
            }
            boolean rfc = r.crs().epsg() == 4326 && !r.crs().isNorthEast();
            if (!rfc) {
                g.writeObjectFieldStart("crs");
                g.writeStringField("type", "name");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", r.crs().spelling());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static void link(JsonGenerator g, String rel, String href) throws IOException {
        if (href == null) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("href", href);
        g.writeStringField("rel", rel);
        g.writeStringField("type", "application/json");
        g.writeEndObject();
    }

    /** One GeoJSON Feature object (also the OGC API Features item and items). */
    public static void writeFeature(JsonGenerator g, LayerFeatures lf, Feature f) throws IOException {
        writeFeatureMembers(g, lf, f);
        g.writeEndObject();
    }

    /** A Feature object left open after its properties, for a caller that adds members (links). */
    public static void writeFeatureMembers(JsonGenerator g, LayerFeatures lf, Feature f) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", FeatureIds.encode(lf.layer(), f.id()));
        g.writeFieldName("geometry");
        if (lf.geometry() && f.geometry() != null) {
            GeoJsonGeometryWriter.write(g, f.geometry());
        } else {
            g.writeNull();
        }
        g.writeObjectFieldStart("properties");
        for (String a : lf.attributes()) {
            Object v = f.get(a);
            g.writeFieldName(a);
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                GeoJsonGeometryWriter.number(g, d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }
}
