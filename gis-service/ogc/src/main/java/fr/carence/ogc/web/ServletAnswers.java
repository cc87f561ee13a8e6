package fr.carence.ogc.web;

import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.OgcService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an operation's {@link OgcResponse} to the servlet response: the one place where an OGC
 * answer meets HTTP (the operations and services only build values).
 */
public final class ServletAnswers {

    private ServletAnswers() {
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
