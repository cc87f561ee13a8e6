package fr.carence.ogc.tiles;

/**
 * A tile request that cannot be answered, with the HTTP status and a French message naming the
 * parameter at fault; the endpoint writes it as an OGC API exception document
 * ({@code {"code", "description"}}), never a stack trace.
 */
public final class TileException extends RuntimeException {

    private final int status;
    private final String parameter;

    public TileException(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public static TileException notFound(String parameter, String message) {
        return new TileException(404, parameter, message);
    }

    public static TileException badRequest(String parameter, String message) {
        return new TileException(400, parameter, message);
    }

    public int status() {
        return status;
    }

    /** The path or query parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
