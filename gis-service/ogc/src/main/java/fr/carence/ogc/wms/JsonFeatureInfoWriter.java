package fr.carence.ogc.wms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.format.GeoJsonFeatureCollectionWriter;
import fr.carence.ogc.format.GeoJsonGeometryWriter;
import fr.carence.store.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/json}: a GeoJSON FeatureCollection, geometries in CRS:84 lon/lat as RFC 7946
 * requires, {@code id} = {@code layer.id}, plus a {@code layer} member.
 */
public final class JsonFeatureInfoWriter implements FeatureInfoWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> formatNames() {
        return GeoJsonFeatureCollectionWriter.FORMAT_NAMES;
    }

    @Override
    public String contentType() {
        return "application/json; charset=UTF-8";
    }

    @Override
    public void write(FeatureInfoResult result, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (FeatureInfoHits h : result.hits()) {
            for (Feature f : h.features()) {
                ObjectNode o = features.addObject();
                o.put("type", "Feature");
                o.put("id", h.layer().name() + "." + f.id());
                o.put("layer", h.qualifiedName());
                if (f.geometry() == null) {
                    o.putNull("geometry");
                } else {
                    o.putRawValue("geometry", new RawValue(GeoJsonGeometryWriter.json(
                            CrsTransforms.transform(f.geometry(), result.crs().epsg(), 4326), 7)));
                }
                o.set("properties", JSON.valueToTree(plain(f.properties())));
            }
        }
        out.write(JSON.writeValueAsBytes(root));
    }

    private static Map<String, Object> plain(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, v == null || v instanceof Number || v instanceof Boolean || v instanceof String
                ? v : v.toString()));
        return out;
    }
}
