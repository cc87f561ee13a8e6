package fr.carence.loaders.core;

import com.fasterxml.jackson.core.JsonParseException;

/** Turns Jackson's parse errors into located, plain-French {@link LoadException}s. */
final class JsonErrors {

    private JsonErrors() {
    }

    static LoadException toLoadException(String file, long index, JsonParseException e) {
        String original = String.valueOf(e.getOriginalMessage());
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        String reason;
        if (original.contains("Invalid UTF-8")) {
            reason = "le fichier n'est pas en UTF-8 (octet invalide ligne " + line
                    + ", probablement Latin-1/Windows-1252) : le JSON doit être en UTF-8";
        } else if (original.contains("end-of-input")) {
            reason = "fichier tronqué (fin inattendue ligne " + line + ")";
        } else {
            reason = "JSON invalide ligne " + line + " (" + original + ")";
        }
        return LoadException.atFeature(file, index, null, null, reason);
    }
}
