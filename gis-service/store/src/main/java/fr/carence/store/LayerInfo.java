package fr.carence.store;

import java.time.Instant;

/**
 * Provenance of a committed layer, kept in the store's layer registry.
 *
 * @param layer layer name
 * @param source where the data came from
 * @param featureCount number of features committed
 * @param committedAt when the version was published
 */
public record LayerInfo(String layer, Source source, long featureCount, Instant committedAt) {

    /**
     * @param dataset dataset key (e.g. "communes", "flux", or "scenario" for analysis results)
     * @param files the files read, or a description of the computation
     * @param vintage the data's vintage as published (e.g. "COG 2026", "RP 2017"), may be null
     * @param loadedBy who loaded it (an administrator's login, {@code cli:<system user>}), null
     *                 for computed layers and data written before this was recorded
     * @param sha256 SHA-256 (hex) of the files read, {@code name=digest} joined by {@code ;} when
     *               there are several; null for computed layers and loads before this was recorded
     */
    public record Source(String dataset, String files, String vintage, String loadedBy, String sha256) {

        public Source(String dataset, String files, String vintage) {
            this(dataset, files, vintage, null, null);
        }

        public Source(String dataset, String files, String vintage, String loadedBy) {
            this(dataset, files, vintage, loadedBy, null);
        }
    }
}
