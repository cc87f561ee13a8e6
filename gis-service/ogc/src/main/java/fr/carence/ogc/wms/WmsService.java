package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.render.map.MapRenderer;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerNotFoundException;
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
        this(store, catalog, settings, cache, MapImageFormats.standard(), FeatureInfoFormats.standard());
    }

    /** With the given format plug-ins (the standard ones are those found on the class path). */
    public WmsService(FeatureStore store, Catalog catalog, WmsSettings settings, LayerFeatureCache cache,
                      MapImageFormats imageFormats, FeatureInfoFormats infoFormats) {
        WmsLayers layers = new WmsLayers(catalog, store);
        StyleLibrary styles = new StyleLibrary(catalog);
        MapRequestParser parser = new MapRequestParser(layers, styles, settings, imageFormats);
        this.capabilities = new GetCapabilitiesOperation(layers, styles, LayerExtents.of(store), settings, imageFormats,
                infoFormats);
        this.getMap = new GetMapOperation(parser, new MapRenderer(store, cache), settings.maxConcurrentRenders(),
                settings.requestTimeout());
        this.getFeatureInfo = new GetFeatureInfoOperation(parser, layers,
                new FeatureInfoSearch(store, settings.featureInfoTolerance(), settings.requestTimeout()), infoFormats,
                catalog.workspace(), catalog.namespaceUri());
        this.getLegendGraphic = new GetLegendGraphicOperation(layers, parser, imageFormats);
        this.exceptions = new WmsExceptionWriter(settings, imageFormats);
    }

    @Override
    public String serviceType() {
        return "WMS";
    }

    @Override
    public OgcResponse handle(OwsRequest request) {
        String operation = request.get("REQUEST").orElse("");
        try {
            return switch (operation.toLowerCase(Locale.ROOT)) {
                case "getcapabilities", "capabilities" -> capabilities.execute(request);
                case "getmap", "map" -> getMap.execute(request);
                case "getfeatureinfo" -> getFeatureInfo.execute(request);
                case "getlegendgraphic" -> getLegendGraphic.execute(request);
                case "" -> throw OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, "REQUEST",
                        "Le paramètre obligatoire REQUEST est absent (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic).");
                default -> throw OwsException.badRequest(OwsException.OPERATION_NOT_SUPPORTED, "REQUEST",
                        "Opération WMS « " + operation + " » non prise en charge.");
            };
        } catch (RuntimeException e) {
            return exceptionReport(e, request);
        }
    }

    /** In the form the request asked (EXCEPTIONS: XML, or for GetMap INIMAGE/BLANK). */
    @Override
    public OgcResponse exceptionReport(Throwable failure, OwsRequest request) {
        boolean imageOperation = request.get("REQUEST").orElse("").equalsIgnoreCase("GetMap");
        OwsException report;
        if (failure instanceof LayerNotFoundException e) {
            report = OwsException.badRequest(OwsException.LAYER_NOT_DEFINED, "LAYERS",
                    "La couche « " + e.layer() + " » n'existe pas dans la base.");
        } else {
            if (!(failure instanceof OwsException)) {
                // Store query errors become InvalidParameterValue; anything else a logged NoApplicableCode.
                LOG.debug("WMS {} failed: {}", request.get("REQUEST").orElse(""), request.all());
            }
            report = OwsExceptionTranslator.translate(failure);
        }
        return exceptions.report(report, request, imageOperation);
    }
}
