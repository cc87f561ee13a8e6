package fr.carence.ogc.format;

import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.crs.CrsName;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.LayerSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.io.WKTWriter;

/**
 * CSV (RFC 4180, UTF-8, comma-separated): {@code FID}, the attributes, then the geometry as WKT in
 * a column named after the geometry attribute, as GeoServer's CSV output does. One layer per
 * request (a CSV file has one header).
 */
public final class CsvFeatureCollectionWriter implements FeatureCollectionWriter {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> formatNames() {
        return List.of("text/csv", "csv");
    }

    @Override
    public String contentType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public CrsName defaultCrs() {
        return null;
    }

    @Override
    public boolean honoursAxisOrder() {
        return true;
    }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        if (r.layers().size() > 1) {
            throw fr.carence.ogc.OwsException.badRequest(fr.carence.ogc.OwsException.INVALID_PARAMETER_VALUE, "outputFormat",
                    "Le format CSV ne contient qu'une couche : demander les couches une par une.");
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        WKTWriter wkt = new WKTWriter(2);
        boolean header = false;
        for (LayerFeatures lf : r.layers()) {
            if (!header) {
                List<String> cols = new ArrayList<>();
                cols.add("FID");
                cols.addAll(lf.attributes());
                if (lf.geometry()) {
                    cols.add(LayerSchema.GEOMETRY_COLUMN);
                }
                row(w, cols);
                header = true;
            }
            try (FeatureCursor c = lf.cursor().get()) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    List<String> cells = new ArrayList<>(lf.attributes().size() + 2);
                    cells.add(FeatureIds.encode(lf.layer(), f.id()));
                    for (String a : lf.attributes()) {
                        cells.add(ValueText.of(f.get(a)));
                    }
                    if (lf.geometry()) {
                        cells.add(f.geometry() == null ? "" : wkt.write(f.geometry()));
                    }
                    row(w, cells);
                }
            }
        }
        w.flush();
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String s = cells.get(i);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                w.write('"');
                w.write(s.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(s);
            }
        }
        w.write("\r\n");
    }
}
