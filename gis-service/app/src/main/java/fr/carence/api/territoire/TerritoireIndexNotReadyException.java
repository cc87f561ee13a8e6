package fr.carence.api.territoire;

/**
 * The territory index is being built (first start, or its layers reloaded) and was not ready
 * within the wait a search allows: answered 503 with a French message and Retry-After.
 */
public class TerritoireIndexNotReadyException extends RuntimeException {

    public TerritoireIndexNotReadyException() {
        super("l'index des territoires est en cours de construction (démarrage ou couches des communes rechargées) ; "
                + "réessayer dans quelques secondes");
    }
}
