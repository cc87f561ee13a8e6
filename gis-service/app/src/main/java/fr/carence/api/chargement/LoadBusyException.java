package fr.carence.api.chargement;

/** Another load is running: loads are serialised, the caller retries later. */
public class LoadBusyException extends RuntimeException {

    public LoadBusyException(String running) {
        super(running == null ? "un chargement est déjà en cours (sur une autre instance du service) : réessayer quand il sera terminé"
                : "un chargement est déjà en cours (jeu « " + running + " ») : réessayer quand il sera terminé");
    }
}
