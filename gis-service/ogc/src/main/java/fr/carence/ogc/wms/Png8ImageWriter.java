package fr.carence.ogc.wms;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@code image/png8} ({@code image/png; mode=8bit}): 256-colour palette with a transparent entry ({@link Png8Quantizer}). */
public final class Png8ImageWriter implements MapImageWriter {

    /**
     * JDK PNG writer: deflate level = round(9 × (1 − quality)), so 0.89 gives level 1 (as MapServer's
     * COMPRESSION=1): maps compress well anyway and the default level costs more than drawing small tiles.
     */
    private static final float PNG_FAST_DEFLATE = 0.89f;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> formatNames() {
        return List.of("image/png8", "image/png; mode=8bit", "png8");
    }

    /** The bytes are a PNG: clients expect image/png. */
    @Override
    public String contentType() {
        return "image/png";
    }

    @Override
    public boolean supportsTransparency() {
        return true;
    }

    /** Legends are a few kilobytes: not advertised (still accepted). */
    @Override
    public boolean advertisedForLegends() {
        return false;
    }

    @Override
    public void write(BufferedImage argb, OutputStream out) throws IOException {
        ImageIoEncoding.write(Png8Quantizer.quantize(argb), "png", PNG_FAST_DEFLATE, out);
    }
}
