package fr.carence.ogc.format;

import fr.carence.store.FeatureCursor;
import fr.carence.store.LayerSchema;
import java.util.List;
import java.util.function.Supplier;

/**
 * The features of one layer in a response, read lazily.
 *
 * @param layer published (unqualified) layer name
 * @param schema the layer's schema
 * @param attributes attributes to write, in schema order
 * @param geometry whether the geometry is written
 * @param cursor opens the cursor; features come in the response CRS and axis order
 */
public record LayerFeatures(String layer, LayerSchema schema, List<String> attributes, boolean geometry,
                            Supplier<FeatureCursor> cursor) {
}
