package fr.carence.ogc.wms;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * WMS limits and defaults (application properties {@code carence.wms.*}).
 *
 * @param maxWidth largest GetMap WIDTH accepted (larger: InvalidParameterValue); shares
 *                 {@code carence.ogc.max-image-size} with the other OGC settings
 * @param maxHeight largest GetMap HEIGHT accepted (same setting)
 * @param featureInfoTolerance GetFeatureInfo search radius around the I/J pixel, in pixels
 * @param crs EPSG codes offered besides CRS:84 (Lambert-93, WGS 84, Web Mercator, overseas legal CRSs)
 * @param cacheMegabytes memory budget of the GetMap layer cache ({@code carence.wms.cache-megabytes},
 *                       estimated heap held by cached layers; 0 disables it, so every map queries the store)
 * @param maxConcurrentRenders GetMap images drawn at the same time ({@code carence.wms.max-concurrent-renders},
 *                             0 = the number of processors); further requests wait their turn
 * @param maxBboxAreaKm2 largest ground area of a GetMap/GetFeatureInfo BBOX, in km²
 *                       ({@code carence.ogc.max-bbox-area-km2}, see {@link BboxAreaLimit})
 * @param maxSldBodyChars largest SLD_BODY accepted, in characters ({@code carence.wms.max-sld-body-chars})
 * @param requestTimeout deadline of one request's drawing and store reads ({@code carence.ogc.request-timeout})
 */
@Component
public record WmsSettings(
        @Value("${carence.ogc.max-image-size:4096}") int maxWidth,
        @Value("${carence.ogc.max-image-size:4096}") int maxHeight,
        @Value("${carence.wms.feature-info-tolerance:4}") int featureInfoTolerance,
        @Value("${carence.wms.crs:2154,4326,3857,5490,2972,2975,4471}") List<Integer> crs,
        @Value("${carence.wms.cache-megabytes:512}") int cacheMegabytes,
        @Value("${carence.wms.max-concurrent-renders:0}") int maxConcurrentRenders,
        @Value("${carence.ogc.max-bbox-area-km2:" + BboxAreaLimit.DEFAULT_MAX_KM2 + "}") double maxBboxAreaKm2,
        @Value("${carence.wms.max-sld-body-chars:" + SldBodyStyles.DEFAULT_MAX_CHARS + "}") int maxSldBodyChars,
        @Value("${carence.ogc.request-timeout:60s}") Duration requestTimeout) {

    @Autowired
    public WmsSettings {
        crs = List.copyOf(crs);
        if (!(maxBboxAreaKm2 > 0)) {
            throw new IllegalArgumentException("carence.ogc.max-bbox-area-km2 must be > 0, got " + maxBboxAreaKm2);
        }
        if (maxSldBodyChars < 1) {
            throw new IllegalArgumentException("carence.wms.max-sld-body-chars must be >= 1, got " + maxSldBodyChars);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("carence.ogc.request-timeout must be positive, got " + requestTimeout);
        }
        if (cacheMegabytes < 0) {
            throw new IllegalArgumentException("carence.wms.cache-megabytes must be >= 0, got " + cacheMegabytes);
        }
        if (maxConcurrentRenders < 0) {
            throw new IllegalArgumentException("carence.wms.max-concurrent-renders must be >= 0, got " + maxConcurrentRenders);
        }
        if (maxConcurrentRenders == 0) {
            maxConcurrentRenders = Runtime.getRuntime().availableProcessors();
        }
    }

    /** The settings before the hostile-input limits existed, with those limits at their defaults. */
    public WmsSettings(int maxWidth, int maxHeight, int featureInfoTolerance, List<Integer> crs, int cacheMegabytes,
                       int maxConcurrentRenders) {
        this(maxWidth, maxHeight, featureInfoTolerance, crs, cacheMegabytes, maxConcurrentRenders,
                BboxAreaLimit.DEFAULT_MAX_KM2, SldBodyStyles.DEFAULT_MAX_CHARS, Duration.ofSeconds(60));
    }

    /** Defaults, for tests and tools that do not run Spring. */
    public static WmsSettings defaults() {
        return new WmsSettings(4096, 4096, 4, List.of(2154, 4326, 3857, 5490, 2972, 2975, 4471), 512, 0);
    }

    /** The same settings with other limits (tests). */
    public WmsSettings withLimits(double newMaxBboxAreaKm2, int newMaxSldBodyChars, Duration newRequestTimeout) {
        return new WmsSettings(maxWidth, maxHeight, featureInfoTolerance, crs, cacheMegabytes, maxConcurrentRenders,
                newMaxBboxAreaKm2, newMaxSldBodyChars, newRequestTimeout);
    }
}
