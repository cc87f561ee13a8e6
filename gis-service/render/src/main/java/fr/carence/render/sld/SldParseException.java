package fr.carence.render.sld;

/** An SLD document cannot be used; the message names the document and the element at fault. */
public class SldParseException extends RuntimeException {

    public SldParseException(String message) {
        super(message);
    }

    public SldParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
