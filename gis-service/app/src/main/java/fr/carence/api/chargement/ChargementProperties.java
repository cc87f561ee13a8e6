package fr.carence.api.chargement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code carence.chargements.*}: limits of the data loads by upload. {@code max-megabytes} also
 * sets {@code spring.servlet.multipart.max-file-size} and {@code max-request-size} (see
 * application.yml), so an oversized request is refused while it is read, before any staging.
 *
 * @param maxMegabytes largest upload (all files of one request together), in MiB
 * @param maxUncompressedMegabytes largest total once zips and gzips are expanded, in MiB
 * @param maxArchiveEntries most entries in one zip
 * @param maxCompressionRatio largest expanded/compressed ratio of a zip entry or gzip file
 *                            (zip bombs reach thousands; real CSV and GeoJSON stay under 30)
 * @param tempDir where uploads are staged (a private sub-directory per load); empty = system temp
 * @param maxPending most uploads received and not finished on one instance (each holds its staged
 *                   files until its turn); one more is refused with 409
 * @param jobRetention how long a finished job stays readable at {@code /api/chargements/travaux/{id}}
 */
@ConfigurationProperties("carence.chargements")
public record ChargementProperties(@DefaultValue("512") long maxMegabytes,
                                   @DefaultValue("4096") long maxUncompressedMegabytes,
                                   @DefaultValue("1000") int maxArchiveEntries,
                                   @DefaultValue("100") int maxCompressionRatio,
                                   @DefaultValue("") String tempDir,
                                   @DefaultValue("4") int maxPending,
                                   @DefaultValue("24h") Duration jobRetention) {

    public ChargementProperties {
        if (maxPending < 1 || jobRetention.isNegative() || jobRetention.isZero()) {
            throw new IllegalArgumentException("carence.chargements : max-pending >= 1, job-retention > 0");
        }
    }

    private static final long MIB = 1024L * 1024L;

    public long maxBytes() {
        return maxMegabytes * MIB;
    }

    public long maxUncompressedBytes() {
        return maxUncompressedMegabytes * MIB;
    }
}
