package fr.carence.api.chargement;

import java.util.Collection;

/** The dataset key of the URL names no loader. */
public class UnknownDatasetException extends RuntimeException {

    public UnknownDatasetException(String key, Collection<String> known) {
        super("jeu de données inconnu « " + UploadNames.printable(key) + " » (jeux connus : " + String.join(", ", known) + ")");
    }
}
