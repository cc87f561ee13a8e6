package fr.carence.store;

/**
 * The database does not answer (refused or broken connection, pool timeout): a transient state,
 * unlike an SQL error. Services answer 503 and the readiness probe goes DOWN until it comes back.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
