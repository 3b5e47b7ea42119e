package castad.simulators.media;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.MediaType;

/** One committed media asset, served as it is or padded to a larger size. */
public final class MediaFile {

    private final byte[] bytes;
    private final MediaType contentType;
    private final Padding padding;
    private final double seconds;
    private final String sha256;

    MediaFile(byte[] bytes, MediaType contentType, Padding padding, double seconds) {
        this.bytes = bytes.clone();
        this.contentType = contentType;
        this.padding = padding;
        this.seconds = seconds;
        this.sha256 = sha256(bytes);
    }

    public long length() {
        return bytes.length;
    }

    /** The playing time of the unpadded file, in seconds (0 for an image). */
    public double seconds() {
        return seconds;
    }

    /** Hex SHA-256 of the unpadded file. */
    public String sha256() {
        return sha256;
    }

    public MediaType contentType() {
        return contentType;
    }

    /** Whether the file can be served at exactly {@code size} bytes. */
    public boolean canServeAs(long size) {
        return size >= bytes.length && padding.canAdd(size - bytes.length);
    }

    /** The smallest padded size above the file's own, for error messages. */
    long smallestPaddedSize() {
        return bytes.length + padding.smallestExtra();
    }

    void writeTo(OutputStream out, long size) throws IOException {
        if (!canServeAs(size)) {
            throw new IllegalArgumentException("cannot serve " + bytes.length + " bytes as " + size);
        }
        out.write(bytes);
        padding.write(out, size - bytes.length);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
