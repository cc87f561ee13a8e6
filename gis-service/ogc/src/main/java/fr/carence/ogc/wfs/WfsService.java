package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.error.ExceptionReportWriter;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.store.FeatureStore;
import java.util.Locale;
import java.util.Optional;

/** WFS 2.0.0: dispatches REQUEST to one class per operation and reports every failure as OWS. */
public final class WfsService implements OgcService {

    private final GetCapabilities getCapabilities;
    private final DescribeFeatureType describeFeatureType;
    private final GetFeature getFeature;
    private final GetPropertyValue getPropertyValue;
    private final StoredQueries storedQueries;

    public WfsService(Catalog catalog, FeatureStore store, OutputFormats formats, int maxFeatures, long exactCountLimit,
                      String title) {
        this(catalog, store, formats, maxFeatures, exactCountLimit, title, null);
    }

    /** @param requestTimeout JDBC query timeout of every feature read (null = none) */
    public WfsService(Catalog catalog, FeatureStore store, OutputFormats formats, int maxFeatures, long exactCountLimit,
                      String title, java.time.Duration requestTimeout) {
        LayerResolver resolver = new LayerResolver(catalog, store);
        this.getCapabilities = new GetCapabilities(resolver, LayerExtents.of(store), formats, maxFeatures, title);
        this.describeFeatureType = new DescribeFeatureType(resolver);
        this.getFeature = new GetFeature(resolver, store, formats, maxFeatures, exactCountLimit, requestTimeout);
        this.getPropertyValue = new GetPropertyValue(resolver, store, maxFeatures, exactCountLimit, requestTimeout);
        this.storedQueries = new StoredQueries(resolver);
    }

    @Override
    public String serviceType() {
        return "WFS";
    }

    @Override
    public OgcResponse handle(OwsRequest request) {
        try {
            return dispatch(request);
        } catch (RuntimeException e) {
            return exceptionReport(e, request);
        }
    }

    @Override
    public OgcResponse exceptionReport(Throwable failure, OwsRequest request) {
        return ExceptionReportWriter.response(OwsExceptionTranslator.translate(failure), ExceptionReportWriter.Dialect.WFS_20);
    }

    /** The operation's answer, for the web layer to write. */
    public OgcResponse dispatch(OwsRequest request) {
        String operation = request.require("REQUEST");
        if (!operation.equalsIgnoreCase("GetCapabilities")) {
            // VERSION is mandatory except for GetCapabilities (OGC 09-025r2 §7.6.2.4).
            Optional<String> version = request.get("VERSION");
            String v = version.orElseThrow(() -> OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, "version",
                    "Le paramètre obligatoire VERSION est absent."));
            if (!v.equals("2.0.0") && !v.equals("2.0.2")) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "version",
                        "Version « " + v + " » non proposée : ce service est un WFS 2.0.0.");
            }
        }
        return switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> getCapabilities.execute(request);
            case "describefeaturetype" -> describeFeatureType.execute(request);
            case "getfeature" -> getFeature.execute(request);
            case "getpropertyvalue" -> getPropertyValue.execute(request);
            case "liststoredqueries" -> storedQueries.list(request);
            case "describestoredqueries" -> storedQueries.describe(request);
            default -> throw OwsException.badRequest(OwsException.OPERATION_NOT_SUPPORTED, "request",
                    "Opération « " + operation + " » non prise en charge par ce WFS 2.0.0.");
        };
    }
}
