package fr.carence.store.jdbc;

import java.time.Duration;

/**
 * How long the store keeps a loaded layer's earlier versions (retained so that a scenario can be
 * recomputed on the exact inputs it read). A version pinned by a saved scenario is always kept;
 * an unpinned earlier version is purged once it is both outside the layer's {@code versions} most
 * recent publications (the current one included) and replaced longer ago than {@code afterReplacement}.
 *
 * @param versions most recent publications of a layer always kept, current included (at least 1)
 * @param afterReplacement how long an earlier version is kept after a newer one replaced it
 */
public record VersionRetention(int versions, Duration afterReplacement) {

    /** Three publications, and thirty days after replacement (carence.store.retained-versions / retained-days). */
    public static final VersionRetention DEFAULT = new VersionRetention(3, Duration.ofDays(30));

    public VersionRetention {
        if (versions < 1 || afterReplacement == null || afterReplacement.isNegative()) {
            throw new IllegalArgumentException("conservation des versions : au moins 1 version (la courante), durée >= 0");
        }
    }

    public static VersionRetention of(int versions, int days) {
        return new VersionRetention(versions, Duration.ofDays(days));
    }
}
