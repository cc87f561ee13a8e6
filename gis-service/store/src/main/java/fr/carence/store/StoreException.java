package fr.carence.store;

/** A store failure that is not the caller's fault (database unavailable, I/O, SQL error). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
