package fr.carence.ogc.wms;

import fr.carence.ogc.OgcService;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.render.map.MapRenderer;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The WMS 1.3.0 service: picks the operation from REQUEST and turns every failure into a WMS
 * exception in the form the request asked for (never a stack trace to the client).
 */
@Service
public class WmsService implements OgcService {

    private static final Logger LOG = LoggerFactory.getLogger(WmsService.class);

    private final GetCapabilitiesOperation capabilities;
    private final GetMapOperation getMap;
    private final GetFeatureInfoOperation getFeatureInfo;
    private final GetLegendGraphicOperation getLegendGraphic;
    private final WmsExceptionWriter exceptions;

    /** With a layer cache of its own ({@code cacheMegabytes}), for tests and tools without Spring. */
    public WmsService(FeatureStore store, Catalog catalog, WmsSettings settings) {
        this(store, catalog, settings, new LayerFeatureCache(store, settings.cacheMegabytes() * 1024L * 1024L));
    }

    /** @param cache the map's layer cache, shared with the vector tiles (LayerCacheConfiguration) */
    @Autowired
    public WmsService(FeatureStore store, Catalog catalog, WmsSettings settings, LayerFeatureCache cache) {
        WmsLayers layers = new WmsLayers(catalog, store);
        StyleLibrary styles = new StyleLibrary(catalog);
        MapRequestParser parser = new MapRequestParser(layers, styles, settings);
        this.capabilities = new GetCapabilitiesOperation(layers, styles, LayerExtents.of(store), settings);
        this.getMap = new GetMapOperation(parser, new MapRenderer(store, cache), settings.maxConcurrentRenders(),
                settings.requestTimeout());
        this.getFeatureInfo = new GetFeatureInfoOperation(parser, layers,
                new FeatureInfoSearch(store, settings.featureInfoTolerance(), settings.requestTimeout()),
                new FeatureInfoWriter(catalog.workspace(), catalog.namespaceUri()));
        this.getLegendGraphic = new GetLegendGraphicOperation(layers, parser);
        this.exceptions = new WmsExceptionWriter(settings);
    }

    @Override
    public String serviceType() {
        return "WMS";
    }

    @Override
    public void handle(OwsRequest request, HttpServletResponse response) throws IOException {
        String operation = request.get("REQUEST").orElse("");
        boolean imageOperation = operation.equalsIgnoreCase("GetMap");
        try {
            switch (operation.toLowerCase(Locale.ROOT)) {
                case "getcapabilities", "capabilities" -> capabilities.handle(request, response);
                case "getmap", "map" -> getMap.handle(request, response);
                case "getfeatureinfo" -> getFeatureInfo.handle(request, response);
                case "getlegendgraphic" -> getLegendGraphic.handle(request, response);
                case "" -> throw OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, "REQUEST",
                        "Le paramètre obligatoire REQUEST est absent (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic).");
                default -> throw OwsException.badRequest(OwsException.OPERATION_NOT_SUPPORTED, "REQUEST",
                        "Opération WMS « " + operation + " » non prise en charge.");
            }
        } catch (OwsException e) {
            exceptions.write(e, request, imageOperation, response);
        } catch (LayerNotFoundException e) {
            exceptions.write(OwsException.badRequest(OwsException.LAYER_NOT_DEFINED, "LAYERS",
                    "La couche « " + e.layer() + " » n'existe pas dans la base."), request, imageOperation, response);
        } catch (RuntimeException e) {
            // Store query errors become InvalidParameterValue; anything else a logged NoApplicableCode.
            LOG.debug("WMS {} failed: {}", operation, request.all());
            exceptions.write(OwsExceptionTranslator.translate(e), request, imageOperation, response);
        }
    }
}
