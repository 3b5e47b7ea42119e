package castad.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void eachAcceptedFormatIsRecognisedByItsFirstBytes() {
        assertThat(ImageType.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1))).contains(ImageType.JPEG);
        assertThat(ImageType.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D))).contains(ImageType.PNG);
        assertThat(ImageType.detect(bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P'))).contains(ImageType.WEBP);
    }

    @Test
    void lookAlikesAndShortFilesAreNotImages() {
        assertThat(ImageType.detect(bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E'))).as("a WAV").isEmpty();
        assertThat(ImageType.detect("GIF89a-animated".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.detect(bytes('R', 'I', 'F', 'F'))).as("cut short").isEmpty();
        assertThat(ImageType.detect(new byte[0])).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
