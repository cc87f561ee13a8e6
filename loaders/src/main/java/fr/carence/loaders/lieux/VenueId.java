package fr.carence.loaders.lieux;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A venue's id: "lieu-" + 12 hex digits of the SHA-256 of its name, commune and coordinates
 * (6 decimals). It does not depend on the row order, so reloading an edited file keeps the ids of
 * unchanged venues (styles, links and analysis results stay attached).
 */
final class VenueId {

    private VenueId() {
    }

    static String of(String name, String commune, double lon, double lat) {
        String key = name.strip().toLowerCase(Locale.ROOT) + '|' + (commune == null ? "" : commune) + '|'
                + String.format(Locale.ROOT, "%.6f|%.6f", lon, lat);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "lieu-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
