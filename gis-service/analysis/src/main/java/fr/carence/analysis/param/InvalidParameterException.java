package fr.carence.analysis.param;

/** A scenario parameter is unknown, of the wrong type or out of range; {@link #parameter()} names it. */
public class InvalidParameterException extends RuntimeException {
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
