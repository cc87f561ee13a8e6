package fr.carence.ogc.catalog;

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

    /** Names of the styles known to the catalogue. */
    List<String> styleNames();

    /** The SLD document of a style, as text, or empty when unknown. */
    Optional<String> styleSld(String styleName);
}
