package fr.carence.api.chargement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loader options sent with an upload ({@code option=clé=valeur}, like {@code carence load -o}).
 * On the command line some options may name a file of the machine (the flux {@code trans}
 * nomenclature, the ARCEP {@code vintage} layout, both {@code .properties}); over HTTP that would
 * let a caller read server files, so only labels and built-in names are accepted: no path
 * separator, no leading dot or tilde, no {@code .properties} name.
 */
final class UploadOptions {

    private static final Pattern OPTION = Pattern.compile("([a-z][a-z0-9_.-]{0,39})=([^/\\\\\\p{Cntrl}]{0,200})");

    private UploadOptions() {
    }

    static Map<String, String> parse(List<String> raw) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : raw == null ? List.<String>of() : raw) {
            Matcher m = OPTION.matcher(o);
            if (!m.matches() || namesAFile(m.group(2))) {
                throw UploadRejectedException.badRequest("option_invalide", null, "option « " + UploadNames.printable(o)
                        + " » refusée : attendu clé=valeur, sans chemin ni fichier du serveur");
            }
            options.put(m.group(1), m.group(2));
        }
        return options;
    }

    private static boolean namesAFile(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.startsWith(".") || v.startsWith("~") || v.endsWith(".properties");
    }
}
