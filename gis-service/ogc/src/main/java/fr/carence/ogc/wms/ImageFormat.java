package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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
        if (this == PNG) {
            TRUECOLOR_PNG.write(argb, out);
            return;
        }
        BufferedImage image = switch (this) {
            case PNG -> argb;
            case PNG8 -> Png8Quantizer.quantize(argb);
            case JPEG -> flatten(argb);
        };
        ImageWriter writer = ImageIO.getImageWritersByFormatName(imageIoName).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            // PNG8: fast deflate (level 1, as MapServer's COMPRESSION=1): maps compress well anyway
            // and the default level costs more than drawing small tiles. JPEG: quality 0.85.
            param.setCompressionQuality(this == JPEG ? 0.85f : PNG_FAST_DEFLATE);
        }
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Truecolour PNG: deflate level 1 too, and a cheaper row filter choice than the JDK's writer. */
    private static final PngEncoder TRUECOLOR_PNG = new PngEncoder(1);

    /** JDK PNG writer: deflate level = round(9 × (1 − quality)), so 0.89 gives level 1. */
    private static final float PNG_FAST_DEFLATE = 0.89f;

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
