package fr.carence.ogc.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OGC services ({@code carence.ogc.*}).
 *
 * @param maxFeatures WFS CountDefault: the most features one GetFeature response returns
 * @param exactCountLimit above this estimated table size, an unfiltered request reports
 *                        {@code numberMatched="unknown"} (hits: the documented estimate) instead
 *                        of counting every row
 * @param publicBaseUrl public URL of the server (e.g. {@code https://carence.example.fr}) used in
 *                      capabilities and paging links behind a proxy; empty = from the request
 * @param maxImageSize WMS: largest WIDTH or HEIGHT of a GetMap image, in pixels
 * @param title service title shown in capabilities
 * @param requestTimeout longest time one OGC request may keep the database or the renderer busy
 *                       ({@code carence.ogc.request-timeout}, default 60 s): JDBC query timeout on
 *                       every store read, deadline of GetMap drawing
 * @param maxRequestBodyBytes largest XML POST body read ({@code carence.ogc.max-request-body-bytes},
 *                            default 4 MiB); larger bodies get an exception without being parsed
 */
@ConfigurationProperties("carence.ogc")
public record OgcSettings(Integer maxFeatures, Long exactCountLimit, String publicBaseUrl, Integer maxImageSize, String title,
                          Duration requestTimeout, Long maxRequestBodyBytes) {

    /** Default of {@code carence.ogc.request-timeout}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default of {@code carence.ogc.max-request-body-bytes}: room for a filter with a detailed polygon. */
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 4L * 1024 * 1024;

    public OgcSettings {
        maxFeatures = maxFeatures == null ? 10_000 : maxFeatures;
        exactCountLimit = exactCountLimit == null ? 1_000_000L : exactCountLimit;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        maxImageSize = maxImageSize == null ? 4096 : maxImageSize;
        title = title == null || title.isBlank() ? "Carence — zones de carence en tiers-lieux de télétravail" : title;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        maxRequestBodyBytes = maxRequestBodyBytes == null ? DEFAULT_MAX_REQUEST_BODY_BYTES : maxRequestBodyBytes;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("carence.ogc.request-timeout must be positive, got " + requestTimeout);
        }
        if (maxRequestBodyBytes < 1) {
            throw new IllegalArgumentException("carence.ogc.max-request-body-bytes must be >= 1, got " + maxRequestBodyBytes);
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("carence.ogc.max-features must be >= 1, got " + maxFeatures);
        }
        if (maxImageSize < 1) {
            throw new IllegalArgumentException("carence.ogc.max-image-size must be >= 1, got " + maxImageSize);
        }
    }

    /** All defaults. */
    public static OgcSettings defaults() {
        return new OgcSettings(null, null, null, null, null, null, null);
    }
}
