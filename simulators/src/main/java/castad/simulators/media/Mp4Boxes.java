package castad.simulators.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads an MP4's playing time from the movie header ({@code moov/mvhd}: duration / timescale). */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    static double seconds(byte[] mp4) {
        var data = ByteBuffer.wrap(mp4);
        var moov = child(data, 0, mp4.length, "moov").orElseThrow(() -> new IllegalArgumentException("no moov box"));
        var mvhd = child(data, moov[0], moov[1], "mvhd").orElseThrow(() -> new IllegalArgumentException("no mvhd box"));
        int version = mp4[mvhd[0]];
        int fields = mvhd[0] + 4;
        if (version == 1) {
            return data.getLong(fields + 20) / (double) Integer.toUnsignedLong(data.getInt(fields + 16));
        }
        return Integer.toUnsignedLong(data.getInt(fields + 12)) / (double) Integer.toUnsignedLong(data.getInt(fields + 8));
    }

    /** The content range {@code [start, end)} of the first box of that type within {@code [from, to)}. */
    private static Optional<int[]> child(ByteBuffer data, int from, int to, String type) {
        for (int at = from; at + 8 <= to; ) {
            long size = Integer.toUnsignedLong(data.getInt(at));
            int header = 8;
            if (size == 1) {
                size = data.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            var name = new String(data.array(), at + 4, 4, StandardCharsets.US_ASCII);
            if (name.equals(type)) {
                return Optional.of(new int[] {at + header, (int) (at + size)});
            }
            if (size < header) {
                break;
            }
            at += (int) size;
        }
        return Optional.empty();
    }
}
