package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.core.ScenarioSelection;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.ScenarioIds;
import fr.carence.store.filter.Filter;
import java.util.List;
import java.util.Optional;

/**
 * Which catalogue layers are WMS layers, and their name lookup. A layer is served over WMS when
 * its store table has a geometry column; a result layer whose table does not exist yet (no
 * scenario run: every result layer with a style has a geometry, docs/layers.md) is still listed,
 * and draws nothing. Input layers without a table are not listed (their geometry is unknown).
 */
final class WmsLayers {

    private final Catalog catalog;
    private final FeatureStore store;

    WmsLayers(Catalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** The catalogue layers served by WMS, in catalogue order. */
    List<PublishedLayer> mapLayers() {
        return catalog.layers().stream().filter(this::isMapLayer).toList();
    }

    boolean isMapLayer(PublishedLayer layer) {
        Optional<LayerSchema> schema = store.schema(layer.storeLayer());
        if (schema.isPresent()) {
            return schema.get().hasGeometry();
        }
        return "resultats".equals(layer.group()) && layer.defaultStyle() != null && !layer.defaultStyle().isBlank();
    }

    /** The layer's columns as the caller may read them ({@code Catalog#readableSchema}); empty without a table. */
    Optional<LayerSchema> readableSchema(PublishedLayer layer) {
        return store.schema(layer.storeLayer()).map(s -> catalog.readableSchema(layer, s));
    }

    /** True when the layer's table exists (else it is listed but empty). */
    boolean hasData(PublishedLayer layer) {
        return store.schema(layer.storeLayer()).isPresent();
    }

    /** Looks a WMS layer up by qualified or plain name; LayerNotDefined otherwise. */
    PublishedLayer require(String name, String parameter) {
        PublishedLayer layer = catalog.layer(name.trim())
                .orElseThrow(() -> OwsException.badRequest(OwsException.LAYER_NOT_DEFINED, parameter,
                        "La couche « " + name + " » n'existe pas."));
        if (!isMapLayer(layer)) {
            throw OwsException.badRequest(OwsException.LAYER_NOT_DEFINED, parameter,
                    "La couche « " + name + " » n'a pas de géométrie : elle est publiée en WFS seulement.");
        }
        return layer;
    }

    String qualifiedName(PublishedLayer layer) {
        return layer.qualifiedName(catalog.workspace());
    }

    /** The scenario named by the request (validated), or the default one. */
    static String scenario(fr.carence.ogc.OwsRequest request) {
        return ScenarioSelection.requested(request).orElse(ScenarioIds.DEFAULT_ID);
    }

    /** The filter selecting one scenario on a result layer, or null for other layers. */
    static Filter scenarioFilter(PublishedLayer layer, String scenario) {
        if (layer.scenarioColumn() == null || layer.scenarioColumn().isBlank()) {
            return null;
        }
        return new Filter.Compare(layer.scenarioColumn(), Filter.ComparisonOperator.EQ, scenario);
    }
}
