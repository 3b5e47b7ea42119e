package castad.simulators.fault;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes the first {@code limit} bytes on, flushes them to the client, then throws
 * {@link ConnectionDrop} at the next write: a download cut off half-way.
 */
public final class CutOffStream extends FilterOutputStream {

    private long remaining;

    public CutOffStream(OutputStream out, long limit) {
        super(out);
        this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int passed = (int) Math.min(length, remaining);
        out.write(bytes, offset, passed);
        remaining -= passed;
        if (passed < length) {
            out.flush();
            throw new ConnectionDrop();
        }
    }
}
