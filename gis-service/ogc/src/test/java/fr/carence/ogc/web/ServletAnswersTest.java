package fr.carence.ogc.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.OgcService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A body that fails while it is written: a client that left (OpenLayers cancels the tile requests
 * of a map panned on) is not a server fault and gets no exception report, which would log an
 * error with its stack trace for every cancelled tile; any other failure still gets the report.
 */
class ServletAnswersTest {

    private final AtomicInteger reports = new AtomicInteger();

    @Test
    void aClientThatLeftMidAnswerGetsNoReport() throws Exception {
        // What Spring wraps Tomcat's broken pipe in (seen in the bench's log before this change).
        send(new AsyncRequestNotUsableException("ServletOutputStream failed to write: java.io.IOException: Broken pipe"));
        // What a streaming writer wraps it in when its interface has no checked exception.
        send(new UncheckedIOException(new IOException("Connection reset by peer")));
        assertThat(reports).hasValue(0);
    }

    @Test
    void anyOtherFailureOfTheBodyStillGetsTheServicesReport() throws Exception {
        MockHttpServletResponse response = send(new IllegalStateException("curseur du magasin interrompu"));
        assertThat(reports).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<rapport/>");
    }

    private MockHttpServletResponse send(Exception failure) throws IOException {
        OgcService service = new OgcService() {
            @Override
            public String serviceType() {
                return "WMS";
            }

            @Override
            public OgcResponse handle(OwsRequest request) {
                return new OgcResponse(200, "image/png", Map.of(), -1, out -> {
                    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                    if (failure instanceof IOException io) {
                        throw io;
                    }
                    throw (RuntimeException) failure;
                });
            }

            @Override
            public OgcResponse exceptionReport(Throwable f, OwsRequest request) {
                reports.incrementAndGet();
                return OgcResponse.of(500, "text/xml", Map.of(), "<rapport/>".getBytes(StandardCharsets.UTF_8));
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServletAnswers.send(service, new OwsRequest(Map.of("REQUEST", "GetMap"), "http://127.0.0.1/wms"), response);
        return response;
    }
}
