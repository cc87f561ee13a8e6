package fr.carence.api.chargement;

/** No load job with this id (never, or finished longer ago than the retention). */
public class UnknownJobException extends RuntimeException {

    public UnknownJobException(String id) {
        super("travail de chargement inconnu « " + UploadNames.printable(id) + " » (ou terminé depuis plus de carence.chargements.job-retention)");
    }
}
