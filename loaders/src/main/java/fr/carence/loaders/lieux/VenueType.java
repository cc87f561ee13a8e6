package fr.carence.loaders.lieux;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Venue types of the layer contract, from a published type or inferred from the venue's name
 * when the source has no type. Keywords are matched without accents or case; the most specific
 * wins (télécentre, then coworking, then tiers-lieu), otherwise "inconnu".
 */
final class VenueType {

    static final List<String> TYPES = List.of("coworking", "telecentre", "tiers_lieu", "inconnu");

    private VenueType() {
    }

    /** The type named by a source value ("Tiers-lieu", "télécentre", "coworking"), if it is one. */
    static Optional<String> parse(String value) {
        String k = key(value).replace('-', '_').replace(' ', '_');
        if (k.equals("tiers_lieux")) {
            k = "tiers_lieu";
        }
        return TYPES.contains(k) ? Optional.of(k) : Optional.empty();
    }

    static String infer(String name) {
        String k = key(name);
        if (k.contains("telecentre") || k.contains("tele-centre") || k.contains("tele centre")) {
            return "telecentre";
        }
        if (k.contains("coworking") || k.contains("co-working") || k.contains("co working")) {
            return "coworking";
        }
        if (k.matches(".*\\btiers[- ]?lieu.*")) {
            return "tiers_lieu";
        }
        return "inconnu";
    }

    private static String key(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
