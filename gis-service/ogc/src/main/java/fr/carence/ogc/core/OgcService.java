package fr.carence.ogc.core;

import fr.carence.ogc.OwsRequest;

/**
 * One OGC service (WFS, WMS). The OWS endpoint ({@code /ows?SERVICE=...}) and the service's own
 * endpoint both dispatch here; the service picks the operation class from {@code REQUEST} and
 * answers a value the web layer writes: the service knows nothing of HTTP servlets.
 */
public interface OgcService {

    /** "WFS" or "WMS". */
    String serviceType();

    /**
     * The operation's answer or, when it fails before its body is written, the exception report in
     * this service's form (never a stack trace; unexpected failures are logged).
     */
    OgcResponse handle(OwsRequest request);

    /**
     * The exception report for a failure raised while the answer's body was being written (a store
     * cursor failing mid-way): the web layer sends it when nothing has reached the client yet.
     */
    OgcResponse exceptionReport(Throwable failure, OwsRequest request);
}
