package fr.carence.ogc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.error.ExceptionReportWriter;
import fr.carence.ogc.error.OwsExceptionTranslator;
import fr.carence.ogc.OwsRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A streamed response that takes too long, or trickles out too slowly, is cut: the write fails,
 * the operation's cursor is closed, and the endpoint rethrows so the container closes the
 * connection instead of ending the document. The "cursor" here is a fixture that records its
 * closing; the writes are paced with real sleeps (tens of milliseconds).
 */
class StreamingLimitsTest {

    /** A WFS-like operation: opens a cursor, writes one XML element per row, pausing between rows. */
    private static final class SlowService implements OgcService {
        final AtomicBoolean cursorClosed = new AtomicBoolean();
        final AtomicInteger rowsWritten = new AtomicInteger();
        final int rowBytes;
        final long pauseMillis;

        SlowService(int rowBytes, long pauseMillis) {
            this.rowBytes = rowBytes;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public String serviceType() {
            return "WFS";
        }

        @Override
        public OgcResponse handle(OwsRequest request) {
            return OgcResponse.ok("application/xml", this::write);
        }

        @Override
        public OgcResponse exceptionReport(Throwable failure, OwsRequest request) {
            return ExceptionReportWriter.response(OwsExceptionTranslator.translate(failure), ExceptionReportWriter.Dialect.WFS_20);
        }

        private void write(OutputStream out) throws IOException {
            try (AutoCloseable cursor = () -> cursorClosed.set(true)) {
                XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
                w.writeStartElement("collection");
                for (int i = 0; i < 1000; i++) {
                    w.writeStartElement("f");
                    w.writeCharacters("x".repeat(rowBytes));
                    w.writeEndElement();
                    w.flush();
                    out.flush();
                    rowsWritten.incrementAndGet();
                    Thread.sleep(pauseMillis);
                }
                w.writeEndElement();
                w.close();
            } catch (XMLStreamException e) {
                throw new IOException("XML", e); // how the real writers wrap a failed write
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static MockHttpServletRequest getFeature() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/wfs");
        request.setServletPath("/wfs");
        request.addParameter("SERVICE", "WFS");
        return request;
    }

    @Test
    void aResponseLongerThanTheMaximumDurationIsCutAndItsCursorClosed() throws IOException {
        SlowService service = new SlowService(100, 20);
        OwsEndpoint endpoint = new OwsEndpoint(List.of(service), OgcSettings.defaults(),
                new StreamingLimits(Duration.ofMillis(300), 0L, Duration.ZERO));
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> endpoint.handle(getFeature(), response))
                .isInstanceOf(LimitedResponse.LimitExceeded.class).hasMessageContaining("max-duration");
        assertThat(service.cursorClosed).isTrue();
        // 20 ms per row, 300 ms allowed: at least 5 rows went out, far fewer than the 1,000 rows.
        assertThat(service.rowsWritten.get()).isBetween(5, 20);
        assertThat(response.getContentAsString()).doesNotContain("</collection>").doesNotContain("ExceptionReport");
    }

    @Test
    void aResponseSlowerThanTheMinimumRateIsCutOnceTheGracePeriodIsOver() {
        // 10 bytes every 20 ms is about 500 B/s, under the 10,000 B/s asked for after 200 ms.
        SlowService service = new SlowService(10, 20);
        OwsEndpoint endpoint = new OwsEndpoint(List.of(service), OgcSettings.defaults(),
                new StreamingLimits(Duration.ofMinutes(5), 10_000L, Duration.ofMillis(200)));
        assertThatThrownBy(() -> endpoint.handle(getFeature(), new MockHttpServletResponse()))
                .isInstanceOf(LimitedResponse.LimitExceeded.class).hasMessageContaining("min-bytes-per-second");
        assertThat(service.cursorClosed).isTrue();
        assertThat(service.rowsWritten.get()).isBetween(3, 30);
    }

    @Test
    void aFastResponseIsUntouched() throws IOException {
        SlowService service = new SlowService(1000, 0);
        OwsEndpoint endpoint = new OwsEndpoint(List.of(service), OgcSettings.defaults(),
                new StreamingLimits(Duration.ofMinutes(1), 1024L, Duration.ZERO));
        MockHttpServletResponse response = new MockHttpServletResponse();
        endpoint.handle(getFeature(), response);
        assertThat(service.rowsWritten.get()).isEqualTo(1000);
        assertThat(response.getContentAsString()).endsWith("</collection>");
    }
}
