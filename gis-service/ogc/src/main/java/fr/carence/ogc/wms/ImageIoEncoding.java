package fr.carence.ogc.wms;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** The JDK ImageIO writers with an explicit compression quality (8-bit PNG, JPEG). */
final class ImageIoEncoding {

    private ImageIoEncoding() {
    }

    static void write(BufferedImage image, String imageIoName, float quality, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(imageIoName).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
        }
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
