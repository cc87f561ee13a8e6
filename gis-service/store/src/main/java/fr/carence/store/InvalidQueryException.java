package fr.carence.store;

/**
 * The caller's query cannot be run: unknown property, value of the wrong type, unsupported
 * operator. {@link #parameter()} names what was wrong so the OGC and REST layers can report it
 * (OWS {@code locator}).
 */
public class InvalidQueryException extends RuntimeException {
    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
