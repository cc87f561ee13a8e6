package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The image formats GetMap and GetLegendGraphic produce. */
enum ImageFormat {
    PNG("image/png", "png", true),
    PNG8("image/png; mode=8bit", "png", true),
    JPEG("image/jpeg", "jpeg", false);

    /** Advertised in capabilities, in this order. */
    static final List<String> MIME_TYPES = List.of("image/png", "image/png8", "image/jpeg");

    private final String mimeType;
    private final String imageIoName;
    private final boolean alpha;

    ImageFormat(String mimeType, String imageIoName, boolean alpha) {
        this.mimeType = mimeType;
        this.imageIoName = imageIoName;
        this.alpha = alpha;
    }

    /** Parses FORMAT; unknown formats are InvalidFormat (WMS 1.3.0 Annex E). */
    static ImageFormat parse(String value, String parameter) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "image/png", "png" -> PNG;
            case "image/png8", "image/png;mode=8bit", "png8" -> PNG8;
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> JPEG;
            default -> throw OwsException.badRequest(OwsException.INVALID_FORMAT, parameter,
                    "Le format « " + value + " » n'est pas proposé. Formats disponibles : " + MIME_TYPES + ".");
        };
    }

    String mimeType() {
        return this == PNG8 ? "image/png" : mimeType;
    }

    boolean supportsTransparency() {
        return alpha;
    }

    void write(BufferedImage argb, OutputStream out) throws IOException {
        BufferedImage image = switch (this) {
            case PNG -> argb;
            case PNG8 -> Png8Quantizer.quantize(argb);
            case JPEG -> flatten(argb);
        };
        if (!ImageIO.write(image, imageIoName, out)) {
            throw new IOException("no ImageIO writer for " + imageIoName);
        }
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
