package fr.carence.ogc.wms;

import fr.carence.ogc.core.FormatPlugIn;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One GetFeatureInfo INFO_FORMAT, a plug-in: implementations are discovered with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/fr.carence.ogc.wms.FeatureInfoWriter},
 * public no-argument constructor), as the WFS feature formats and the map image formats are.
 */
public interface FeatureInfoWriter extends FormatPlugIn {

    /** HTTP Content-Type of the answer (with its charset). */
    String contentType();

    void write(FeatureInfoResult result, OutputStream out) throws IOException;
}
