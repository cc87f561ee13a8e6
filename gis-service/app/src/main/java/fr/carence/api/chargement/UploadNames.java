package fr.carence.api.chargement;

import java.util.regex.Pattern;

/**
 * File names accepted in uploads and zip entries. Loaders recognise files by name (communes*.json,
 * FD_MOBPRO_2017.csv), so names are kept, but only plain ones: letters, digits, space and
 * {@code . _ - ( ) +}, not starting with a dot, at most 200 characters; no path separator, no
 * control character.
 */
final class UploadNames {

    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_(][\\p{L}\\p{N} ._()+-]{0,199}");

    private UploadNames() {
    }

    /**
     * The name of an uploaded part, stripped of any directory a browser or client sent with it.
     *
     * @throws UploadRejectedException when what remains is not a plain file name
     */
    static String uploadedName(String original) {
        if (original == null || original.isBlank()) {
            throw UploadRejectedException.badRequest("nom_fichier_invalide", null,
                    "chaque fichier envoyé doit porter un nom (partie « fichiers » avec filename)");
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        if (!isPlain(name)) {
            throw UploadRejectedException.badRequest("nom_fichier_invalide", printable(original),
                    "nom de fichier refusé (lettres, chiffres, espace et . _ - ( ) + uniquement)");
        }
        return name;
    }

    /** True for one plain path segment (see class comment). */
    static boolean isPlain(String segment) {
        return SEGMENT.matcher(segment).matches() && !segment.endsWith(".");
    }

    /** The name with control characters replaced, safe to echo in a message or a log. */
    static String printable(String name) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
