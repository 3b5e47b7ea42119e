package castad.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/** An open source response: its body, still to be read, and the length it declared (if it did). */
record SourceFile(InputStream body, OptionalLong declaredLength) implements AutoCloseable {

    /** Releases the connection; after a complete read this returns it to the pool. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
