package castad.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Counts what a source delivers and fails once it passes the cap, whatever the source declared. It also
 * remembers the first failure it passed on: the Blob SDK wraps a failing stream's exception in its own, and
 * the copy must still tell a source that failed (fetch again, or too large) from a storage that failed.
 */
final class CappedInputStream extends InputStream {

    private final InputStream source;
    private final long maxBytes;
    private volatile long count;
    private volatile IOException failure;

    CappedInputStream(InputStream source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int n;
        try {
            n = source.read(buffer, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw remember(new TooLarge(maxBytes));
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return source.available();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    long count() {
        return count;
    }

    /** What made reading fail, if anything did: {@link TooLarge}, or the source's own I/O error. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    private IOException remember(IOException e) {
        failure = e;
        return e;
    }

    static final class TooLarge extends IOException {

        TooLarge(long maxBytes) {
            super("the source sent more than the " + maxBytes + " bytes allowed");
        }
    }
}
