package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.store.Feature;
import fr.carence.store.LayerSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * WMS 1.3.0 GetFeatureInfo: the features of the QUERY_LAYERS drawn at pixel (I, J) of the map
 * described by the GetMap parameters. FEATURE_COUNT (default 1, as the standard says) limits
 * the features per layer. Polygons are hit when they contain the pixel centre; points and lines
 * within {@link WmsSettings#featureInfoTolerance()} pixels.
 */
final class GetFeatureInfoOperation {

    private static final int MAX_FEATURE_COUNT = 1000;

    private final MapRequestParser parser;
    private final WmsLayers layers;
    private final FeatureInfoSearch search;
    private final FeatureInfoFormats formats;
    private final String workspace;
    private final String namespaceUri;

    GetFeatureInfoOperation(MapRequestParser parser, WmsLayers layers, FeatureInfoSearch search, FeatureInfoFormats formats,
                            String workspace, String namespaceUri) {
        this.parser = parser;
        this.layers = layers;
        this.search = search;
        this.formats = formats;
        this.workspace = workspace;
        this.namespaceUri = namespaceUri;
    }

    OgcResponse execute(OwsRequest request) {
        MapRequest map = parser.parse(request, false);
        List<String> queryLayers = MapRequestParser.split(request.require("QUERY_LAYERS"));
        FeatureInfoWriter format = formats.parse(request.get("INFO_FORMAT").orElse("text/plain"));
        int i = pixel(request, "I", map.width());
        int j = pixel(request, "J", map.height());
        int count = featureCount(request);
        List<FeatureInfoHits> hits = new ArrayList<>();
        for (String name : queryLayers) {
            PublishedLayer layer = layers.require(name, "QUERY_LAYERS");
            int index = map.layers().indexOf(layer);
            if (index < 0) {
                throw OwsException.badRequest(OwsException.LAYER_NOT_DEFINED, "QUERY_LAYERS",
                        "La couche « " + name + " » de QUERY_LAYERS n'est pas dans LAYERS.");
            }
            List<Feature> found = !map.withData().get(index) ? List.of()
                    : search.search(map, layer.storeLayer(), readableColumns(layer), map.styles().get(index),
                            WmsLayers.scenarioFilter(layer, map.scenario()), i, j, count);
            hits.add(new FeatureInfoHits(layer, layers.qualifiedName(layer), found));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            format.write(new FeatureInfoResult(hits, map.crs(), workspace, namespaceUri), body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feature info", e);
        }
        return OgcResponse.ok(format.contentType(), body.toByteArray());
    }

    /** Only the columns the caller may read are fetched, so no info format can show another. */
    private List<String> readableColumns(PublishedLayer layer) {
        return layers.readableSchema(layer).map(s -> s.attributes().stream().map(LayerSchema.Attribute::name).toList())
                .orElse(List.of());
    }

    private static int pixel(OwsRequest request, String name, int size) {
        String raw = request.require(name).trim();
        int v;
        try {
            v = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw OwsException.badRequest(OwsException.INVALID_POINT, name, name + " doit être un entier, reçu « " + raw + " ».");
        }
        if (v < 0 || v >= size) {
            throw OwsException.badRequest(OwsException.INVALID_POINT, name,
                    name + " = " + v + " est hors de l'image (0 à " + (size - 1) + ").");
        }
        return v;
    }

    private static int featureCount(OwsRequest request) {
        String raw = request.get("FEATURE_COUNT").orElse("1").trim();
        try {
            int v = Integer.parseInt(raw);
            if (v >= 1) {
                return Math.min(v, MAX_FEATURE_COUNT);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "FEATURE_COUNT",
                "FEATURE_COUNT doit être un entier positif, reçu « " + raw + " ».");
    }
}
