package fr.carence.ogc.wms;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@code image/jpeg}: quality 0.85, no alpha (composited on white). */
public final class JpegImageWriter implements MapImageWriter {

    private static final float QUALITY = 0.85f;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> formatNames() {
        return List.of("image/jpeg", "image/jpg", "jpeg", "jpg");
    }

    @Override
    public String contentType() {
        return "image/jpeg";
    }

    @Override
    public boolean supportsTransparency() {
        return false;
    }

    @Override
    public boolean advertisedForLegends() {
        return true;
    }

    @Override
    public void write(BufferedImage argb, OutputStream out) throws IOException {
        ImageIoEncoding.write(flatten(argb), "jpeg", QUALITY, out);
    }

    /** JPEG has no alpha: composite over white. */
    private static BufferedImage flatten(BufferedImage argb) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
