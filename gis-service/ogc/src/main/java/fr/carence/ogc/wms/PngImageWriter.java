package fr.carence.ogc.wms;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@code image/png}: truecolour PNG (RGB, or RGBA when a pixel is transparent) by {@link PngEncoder}. */
public final class PngImageWriter implements MapImageWriter {

    /** Deflate level 1 (MapServer's COMPRESSION=1) and a cheaper row filter choice than the JDK's writer. */
    private static final PngEncoder ENCODER = new PngEncoder(1);

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> formatNames() {
        return List.of("image/png", "png");
    }

    @Override
    public String contentType() {
        return "image/png";
    }

    @Override
    public boolean supportsTransparency() {
        return true;
    }

    @Override
    public boolean advertisedForLegends() {
        return true;
    }

    @Override
    public void write(BufferedImage argb, OutputStream out) throws IOException {
        ENCODER.write(argb, out);
    }
}
