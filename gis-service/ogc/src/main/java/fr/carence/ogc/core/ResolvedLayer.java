package fr.carence.ogc.core;

import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.LayerSchema;

/** A published layer whose store table exists, with its schema. */
public record ResolvedLayer(PublishedLayer published, LayerSchema schema) {

    public String name() {
        return published.name();
    }

    public String storeLayer() {
        return published.storeLayer();
    }
}
