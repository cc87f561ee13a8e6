package fr.carence.store;

/** The named layer does not exist in the store. */
public class LayerNotFoundException extends RuntimeException {
    private final String layer;

    public LayerNotFoundException(String layer) {
        super("unknown layer '" + layer + "'");
        this.layer = layer;
    }

    public String layer() {
        return layer;
    }
}
