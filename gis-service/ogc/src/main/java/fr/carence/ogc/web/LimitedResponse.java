package fr.carence.ogc.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * A response whose body must reach the client within {@link StreamingLimits}: every write checks
 * the time since the first byte and the average rate, and fails with {@link LimitExceeded} once
 * either is out of bounds, which unwinds the operation (closing its cursor) up to
 * {@link OwsEndpoint}, which cuts the connection.
 */
final class LimitedResponse extends HttpServletResponseWrapper {

    /** The response took too long to write: cut. */
    static final class LimitExceeded extends IOException {
        final long bytes;
        final long elapsedMillis;

        LimitExceeded(String why, long bytes, long elapsedMillis) {
            super(why + " after " + bytes + " bytes in " + elapsedMillis + " ms");
            this.bytes = bytes;
            this.elapsedMillis = elapsedMillis;
        }
    }

    private final StreamingLimits limits;
    private final LongSupplier nanoTime;
    private ServletOutputStream limited;

    LimitedResponse(HttpServletResponse response, StreamingLimits limits, LongSupplier nanoTime) {
        super(response);
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (limited == null) {
            limited = new Limited(super.getOutputStream());
        }
        return limited;
    }

    private final class Limited extends ServletOutputStream {
        private final ServletOutputStream out;
        private long start = -1;
        private long bytes;

        Limited(ServletOutputStream out) {
            this.out = out;
        }

        private void check(int more) throws IOException {
            long now = nanoTime.getAsLong();
            if (start < 0) {
                start = now;
            }
            long elapsed = (now - start) / 1_000_000L;
            if (elapsed > limits.maxDuration().toMillis()) {
                throw new LimitExceeded("carence.ogc.streaming.max-duration (" + limits.maxDuration() + ") exceeded",
                        bytes, elapsed);
            }
            if (limits.minBytesPerSecond() > 0 && elapsed > limits.grace().toMillis()
                    && bytes * 1000L < limits.minBytesPerSecond() * elapsed) {
                throw new LimitExceeded("write rate under carence.ogc.streaming.min-bytes-per-second ("
                        + limits.minBytesPerSecond() + " B/s)", bytes, elapsed);
            }
            bytes += more;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
