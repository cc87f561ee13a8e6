package fr.carence.ogc.wms;

import fr.carence.ogc.core.FormatPlugIn;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One image format of GetMap, GetLegendGraphic and the INIMAGE/BLANK exceptions, a plug-in:
 * implementations are discovered with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/fr.carence.ogc.wms.MapImageWriter}, public no-argument constructor),
 * as the WFS feature formats are ({@code fr.carence.ogc.format.FeatureCollectionWriter}).
 */
public interface MapImageWriter extends FormatPlugIn {

    /** HTTP Content-Type of the image. */
    String contentType();

    /** False when the format has no alpha channel (TRANSPARENT=TRUE then draws the background). */
    boolean supportsTransparency();

    /** Advertised for GetLegendGraphic too (legends are accepted in every format). */
    boolean advertisedForLegends();

    /** Encodes the drawn image (ARGB). */
    void write(BufferedImage argb, OutputStream out) throws IOException;
}
