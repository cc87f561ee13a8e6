package fr.carence.ogc.catalog;

import fr.carence.store.LayerSchema;
import java.util.List;
import java.util.Optional;

/**
 * The published layers and their styles, read from {@code geoserver-data/} (GeoServer's
 * data-directory layout) with styles from {@code sld-styles/}. WFS and WMS only publish what
 * the catalogue lists; what a layer holds comes from the store.
 */
public interface Catalog {

    /** Workspace prefix (e.g. "carence") and its namespace URI. */
    String workspace();

    String namespaceUri();

    /** All published layers, in catalogue order. */
    List<PublishedLayer> layers();

    /**
     * Looks a layer up by its qualified ("carence:communes") or unqualified ("communes") name,
     * case-sensitively as GeoServer does.
     */
    Optional<PublishedLayer> layer(String name);

    /** The column read rules ({@code security/columns.properties}). */
    ColumnSecurityRules columnRules();

    /**
     * Whether the current caller may read a column of a layer (the catalogue layer name, or a
     * table the REST API shows, e.g. {@code scenarios}). The one decision every protocol asks:
     * the unfiltered catalogue answers true, the per-caller view applies the column rules.
     */
    boolean columnReadable(String layer, String column);

    /**
     * The layer's schema as the current caller may see it: the stored schema without the columns
     * {@link #columnReadable} refuses (the id column always stays: it is the feature's identity).
     * Everything that names or outputs columns (schemas, filters, sort keys, property lists,
     * outputs, styles) works from this schema, so a refused column is "unknown" everywhere.
     */
    default LayerSchema readableSchema(PublishedLayer layer, LayerSchema stored) {
        List<LayerSchema.Attribute> kept = stored.attributes().stream()
                .filter(a -> a.name().equals(stored.idAttribute()) || columnReadable(layer.name(), a.name())).toList();
        return kept.size() == stored.attributes().size() ? stored
                : new LayerSchema(stored.name(), kept, stored.geometryType(), stored.idAttribute());
    }

    /** Names of the styles known to the catalogue. */
    List<String> styleNames();

    /** The SLD document of a style, as text, or empty when unknown. */
    Optional<String> styleSld(String styleName);
}
