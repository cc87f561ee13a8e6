package fr.carence.render.map;

/** A map was not finished before its {@link RenderDeadline}; nothing was written. */
public class RenderTimeoutException extends RuntimeException {
    public RenderTimeoutException(String message) {
        super(message);
    }
}
