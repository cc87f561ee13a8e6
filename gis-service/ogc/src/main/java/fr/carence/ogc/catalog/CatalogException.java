package fr.carence.ogc.catalog;

/** The data directory cannot be read: names the file and what is wrong with it. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
