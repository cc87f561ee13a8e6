package fr.carence.ogc.format;

import fr.carence.ogc.core.FormatPlugIn;
import fr.carence.ogc.crs.CrsName;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One WFS output format, a plug-in: implementations are discovered with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/fr.carence.ogc.format.FeatureCollectionWriter}, public no-argument
 * constructor) and stream features one at a time.
 */
public interface FeatureCollectionWriter extends FormatPlugIn {

    /** Place in the advertised list, lowest first; the lowest is the default when OUTPUTFORMAT is absent. */
    @Override
    int order();

    /** HTTP Content-Type of the response. */
    String contentType();

    /** File extension for Content-Disposition, or null to display inline. */
    String fileExtension();

    /** CRS used when the request has no SRSNAME, or null for the layer's default CRS. */
    CrsName defaultCrs();

    /** False when the format always stores x/y (GeoPackage): latitude-first spellings are then written x/y. */
    boolean honoursAxisOrder();

    void write(FeatureCollectionResult result, OutputStream out) throws IOException;
}
