package castad.simulators.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** How a file grows to a requested size and stays valid: bytes appended after its last real byte. */
enum Padding {

    /** Zero bytes after the last MP3 frame: decoders skip them as junk after the stream. */
    ZERO_FILL(1) {
        @Override
        long writeHeader(OutputStream out, long extra) {
            return 0;
        }
    },

    /** One top-level MP4 {@code free} box, which every reader skips (64-bit size beyond 4 GiB). */
    FREE_BOX(8) {
        @Override
        long writeHeader(OutputStream out, long extra) throws IOException {
            var type = "free".getBytes(StandardCharsets.US_ASCII);
            if (extra <= 0xFFFF_FFFFL) {
                out.write(ByteBuffer.allocate(8).putInt((int) extra).put(type).array());
                return 8;
            }
            out.write(ByteBuffer.allocate(16).putInt(1).put(type).putLong(extra).array());
            return 16;
        }
    },

    /** Not paddable: served as it is. */
    NONE(Long.MAX_VALUE) {
        @Override
        long writeHeader(OutputStream out, long extra) {
            throw new IllegalStateException("this file cannot be padded");
        }
    };

    private static final byte[] ZEROS = new byte[16 * 1024];

    private final long smallestExtra;

    Padding(long smallestExtra) {
        this.smallestExtra = smallestExtra;
    }

    boolean canAdd(long extra) {
        return extra == 0 || extra >= smallestExtra;
    }

    long smallestExtra() {
        return smallestExtra;
    }

    /** Writes {@code extra} bytes of padding without holding them in memory. */
    void write(OutputStream out, long extra) throws IOException {
        if (extra == 0) {
            return;
        }
        long left = extra - writeHeader(out, extra);
        while (left > 0) {
            int chunk = (int) Math.min(left, ZEROS.length);
            out.write(ZEROS, 0, chunk);
            left -= chunk;
        }
    }

    abstract long writeHeader(OutputStream out, long extra) throws IOException;
}
