package fr.carence.ogc;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One OGC service (WFS, WMS). The OWS endpoint ({@code /ows?SERVICE=...}) and the service's own
 * endpoint both dispatch here; the service picks the operation class from {@code REQUEST}.
 */
public interface OgcService {

    /** "WFS" or "WMS". */
    String serviceType();

    /** Handles a KVP (or parsed POST) request, writing the response or an exception report. */
    void handle(OwsRequest request, HttpServletResponse response) throws IOException;
}
