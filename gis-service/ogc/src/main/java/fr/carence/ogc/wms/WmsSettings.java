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
 */
@Component
public record WmsSettings(
        @Value("${carence.ogc.max-image-size:4096}") int maxWidth,
        @Value("${carence.ogc.max-image-size:4096}") int maxHeight,
        @Value("${carence.wms.feature-info-tolerance:4}") int featureInfoTolerance,
        @Value("${carence.wms.crs:2154,4326,3857,5490,2972,2975,4471}") List<Integer> crs) {

    public WmsSettings {
        crs = List.copyOf(crs);
    }

    /** Defaults, for tests and tools that do not run Spring. */
    public static WmsSettings defaults() {
        return new WmsSettings(4096, 4096, 4, List.of(2154, 4326, 3857, 5490, 2972, 2975, 4471));
    }
}
