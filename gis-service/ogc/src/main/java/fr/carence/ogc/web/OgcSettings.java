package fr.carence.ogc.web;

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
 */
@ConfigurationProperties("carence.ogc")
public record OgcSettings(Integer maxFeatures, Long exactCountLimit, String publicBaseUrl, Integer maxImageSize, String title) {

    public OgcSettings {
        maxFeatures = maxFeatures == null ? 10_000 : maxFeatures;
        exactCountLimit = exactCountLimit == null ? 1_000_000L : exactCountLimit;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        maxImageSize = maxImageSize == null ? 4096 : maxImageSize;
        title = title == null || title.isBlank() ? "Carence — zones de carence en tiers-lieux de télétravail" : title;
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("carence.ogc.max-features must be >= 1, got " + maxFeatures);
        }
        if (maxImageSize < 1) {
            throw new IllegalArgumentException("carence.ogc.max-image-size must be >= 1, got " + maxImageSize);
        }
    }

    /** All defaults. */
    public static OgcSettings defaults() {
        return new OgcSettings(null, null, null, null, null);
    }
}
