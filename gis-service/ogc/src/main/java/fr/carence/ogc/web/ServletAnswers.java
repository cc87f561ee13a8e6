package fr.carence.ogc.web;

import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.OgcService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Writes an operation's {@link OgcResponse} to the servlet response: the one place where an OGC
 * answer meets HTTP (the operations and services only build values).
 */
public final class ServletAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ServletAnswers.class);

    private ServletAnswers() {
    }

    /**
     * Whether a failure while writing a body only means the client went away (a map panned on
     * and cancelled its tile requests, a closed tab, wrk stopping): not a server fault, and
     * nothing can be answered. Spring's list of such failures (broken pipe, connection reset,
     * Tomcat's ClientAbortException…), followed through the causes the writers wrap it in.
     */
    public static boolean clientGone(Throwable failure, String method, String uri) {
        if (!DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            return false;
        }
        LOG.debug("Client gone before the end of the answer ({} {}): {}", method, uri, failure.toString());
        return true;
    }

    /** Status, content type, length when known and headers (nothing is sent yet). */
    public static void writeHead(OgcResponse answer, HttpServletResponse response) {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.contentLength() >= 0) {
            response.setContentLengthLong(answer.contentLength());
        }
        answer.headers().forEach(response::setHeader);
    }

    /** Head, then the body; a failure in the body propagates to the caller, which reports it if it still can. */
    public static void write(OgcResponse answer, HttpServletResponse response) throws IOException {
        writeHead(answer, response);
        if (answer.status() != 204 && answer.status() != 304) {
            answer.body().writeTo(response.getOutputStream());
        }
    }

    /**
     * Sends what an OGC service answers a request. A failure while the body is written (a store
     * cursor failing mid-way) becomes the service's exception report if nothing has left yet; a cut
     * by the streaming limits ({@link LimitedResponse}) is rethrown, so the container closes the
     * connection and the client cannot take a cut document for a whole one.
     */
    public static void send(OgcService service, OwsRequest request, HttpServletResponse response) throws IOException {
        OgcResponse answer = service.handle(request);
        writeHead(answer, response);
        try {
            answer.body().writeTo(response.getOutputStream());
        } catch (Exception e) {
            LimitedResponse.LimitExceeded cut = OwsEndpoint.limitExceeded(e);
            if (cut != null) {
                throw cut;
            }
            if (clientGone(e, service.serviceType(), request.get("REQUEST").orElse(""))) {
                return; // no report (it would log a server error with its stack trace) and no one to read it
            }
            writeError(service.exceptionReport(e, request), response);
        }
    }

    /** An error answer, unless part of another answer is already on the wire (then nothing sensible can follow). */
    static void writeError(OgcResponse error, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        write(error, response);
    }
}
