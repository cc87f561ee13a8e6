package fr.carence.api.chargement;

/** Too many uploads already wait on this instance: the caller retries later (each waiting upload holds its files on disk). */
public class LoadBusyException extends RuntimeException {

    public LoadBusyException(int maxPending) {
        super("déjà " + maxPending + " chargements en attente ou en cours sur cette instance "
                + "(carence.chargements.max-pending) : réessayer quand l'un d'eux sera terminé");
    }
}
