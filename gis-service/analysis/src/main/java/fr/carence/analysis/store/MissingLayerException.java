package fr.carence.analysis.store;

/** A layer the analysis needs is absent or does not follow docs/layers.md; names the layer. */
public class MissingLayerException extends RuntimeException {
    private final String layer;

    public MissingLayerException(String layer, String message) {
        super(message);
        this.layer = layer;
    }

    public String layer() {
        return layer;
    }
}
