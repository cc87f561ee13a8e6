package fr.carence.ogc.format;

import fr.carence.ogc.crs.CrsName;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One WFS output format. Implementations stream features one at a time. */
public interface FeatureCollectionWriter {

    /** OUTPUTFORMAT values accepted (compared case-insensitively, spaces ignored); the first is advertised. */
    List<String> formatNames();

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
