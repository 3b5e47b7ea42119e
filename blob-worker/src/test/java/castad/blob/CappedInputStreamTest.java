package castad.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CappedInputStreamTest {

    @Test
    void aSourceUpToTheCapPassesThroughUnchangedAndIsCounted() throws IOException {
        byte[] bytes = bytes(10_000);
        var capped = new CappedInputStream(new ByteArrayInputStream(bytes), 10_000);

        assertThat(capped.readAllBytes()).isEqualTo(bytes);
        assertThat(capped.count()).isEqualTo(10_000);
        assertThat(capped.failure()).isEmpty();
    }

    @Test
    void aSourceThatSendsMoreThanTheCapFailsAsTooLargeAndKeepsFailing() {
        var capped = new CappedInputStream(new ByteArrayInputStream(bytes(10_001)), 10_000);

        assertThatThrownBy(capped::readAllBytes).isInstanceOf(CappedInputStream.TooLarge.class);
        assertThatThrownBy(capped::read).isInstanceOf(CappedInputStream.TooLarge.class);
        assertThat(capped.failure()).containsInstanceOf(CappedInputStream.TooLarge.class);
    }

    @Test
    void singleByteReadsAreCappedToo() throws IOException {
        var capped = new CappedInputStream(new ByteArrayInputStream(bytes(3)), 2);

        capped.read();
        capped.read();
        assertThatThrownBy(capped::read).isInstanceOf(CappedInputStream.TooLarge.class);
        assertThat(capped.count()).isEqualTo(3);
    }

    @Test
    void theSourcesOwnFailureIsRememberedSoThatItCanBeToldFromAStorageFailure() {
        var broken = new IOException("connection reset");
        var capped = new CappedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                throw broken;
            }
        }, 10);

        assertThatThrownBy(capped::read).isSameAs(broken);
        assertThat(capped.failure()).containsSame(broken);
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}
