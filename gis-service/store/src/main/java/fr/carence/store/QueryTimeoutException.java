package fr.carence.store;

/**
 * A read took longer than its {@link FeatureQuery#timeout()} and the database cancelled it. Not
 * the caller's data fault, but not a broken store either: the OGC layer reports it as a request
 * that exceeded the server's time limit.
 */
public class QueryTimeoutException extends StoreException {
    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueryTimeoutException(String message) {
        super(message);
    }
}
