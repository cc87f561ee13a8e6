package fr.carence.ogc.wms;

import java.util.List;
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
 */
@Component
public record WmsSettings(
        @Value("${carence.ogc.max-image-size:4096}") int maxWidth,
        @Value("${carence.ogc.max-image-size:4096}") int maxHeight,
        @Value("${carence.wms.feature-info-tolerance:4}") int featureInfoTolerance,
        @Value("${carence.wms.crs:2154,4326,3857,5490,2972,2975,4471}") List<Integer> crs,
        @Value("${carence.wms.cache-megabytes:512}") int cacheMegabytes,
        @Value("${carence.wms.max-concurrent-renders:0}") int maxConcurrentRenders) {

    public WmsSettings {
        crs = List.copyOf(crs);
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

    /** Defaults, for tests and tools that do not run Spring. */
    public static WmsSettings defaults() {
        return new WmsSettings(4096, 4096, 4, List.of(2154, 4326, 3857, 5490, 2972, 2975, 4471), 512, 0);
    }
}
