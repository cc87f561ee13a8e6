package fr.carence.reliability;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.locationtech.jts.io.WKBWriter;

/**
 * Every feature of a layer (or of one partition) as text, in id order: id, every attribute and
 * the geometry's WKB bytes in hex. Two equal lists mean the same data byte for byte.
 */
final class LayerContents {

    private LayerContents() {
    }

    static List<String> of(FeatureStore store, String layer) {
        return read(store, layer, FeatureQuery.all());
    }

    static List<String> partition(FeatureStore store, String layer, String column, String value) {
        return read(store, layer, FeatureQuery.all().withFilter(new Filter.Compare(column, Filter.ComparisonOperator.EQ, value)));
    }

    private static List<String> read(FeatureStore store, String layer, FeatureQuery query) {
        List<String> out = new ArrayList<>();
        WKBWriter wkb = new WKBWriter(2, true);
        try (FeatureCursor c = store.query(layer, query)) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.add(f.id() + " " + new TreeMap<>(f.properties()) + " "
                        + (f.geometry() == null ? "-" : HexFormat.of().formatHex(wkb.write(f.geometry()))));
            }
        }
        out.sort(null);
        return out;
    }
}
