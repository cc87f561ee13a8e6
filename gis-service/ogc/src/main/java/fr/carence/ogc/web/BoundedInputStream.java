package fr.carence.ogc.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a given number of bytes from a request body, then fails instead of reading on. */
final class BoundedInputStream extends FilterInputStream {

    /** The body is longer than allowed. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("request body longer than " + limit + " bytes");
        }
    }

    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws LimitExceededException {
        read += n;
        if (read > limit) {
            throw new LimitExceededException(limit);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
