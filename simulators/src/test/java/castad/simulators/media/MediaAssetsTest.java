package castad.simulators.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import castad.simulators.fault.ChaosSettings;

class MediaAssetsTest {

    private final MediaAssets assets = new MediaAssets(new MediaSettings(0, ChaosSettings.OFF));

    @Test
    void readsThePlayingTimeOfTheCommittedFiles() {
        assertThat(assets.song().seconds()).isCloseTo(156 * 576 / 22050.0, offset(1e-9));
        assertThat(assets.video().seconds()).isEqualTo(3.0);
    }

    @Test
    void servesTheFilesAsTheyAreUnlessPaddingIsConfigured() {
        var padded = new MediaAssets(new MediaSettings(1_000_000, ChaosSettings.OFF));

        assertThat(assets.servedSize(assets.video())).isEqualTo(assets.video().length());
        assertThat(padded.servedSize(padded.video())).isEqualTo(1_000_000);
        assertThat(padded.servedSize(padded.song())).isEqualTo(1_000_000);
        assertThat(padded.servedSize(padded.image())).isEqualTo(padded.image().length());
    }

    @Test
    void songsAndVideosCanBeServedAtSizesOfTheirOwnFromNowOn() {
        assets.resize(5_000_000, 30_000_000);

        assertThat(assets.servedSize(assets.song())).isEqualTo(5_000_000);
        assertThat(assets.servedSize(assets.video())).isEqualTo(30_000_000);
        assertThat(assets.servedSize(assets.image())).isEqualTo(assets.image().length());
        assertThatThrownBy(() -> assets.resize(10, 0)).hasMessageContaining("songBytes");
        assertThat(assets.servedSize(assets.song())).as("a refused change changes nothing").isEqualTo(5_000_000);

        assets.resize(0, 0);
        assertThat(assets.servedSize(assets.video())).isEqualTo(assets.video().length());
    }

    @Test
    void refusesAConfiguredPaddingSmallerThanTheFiles() {
        assertThatThrownBy(() -> new MediaAssets(new MediaSettings(10_000, ChaosSettings.OFF)))
                .hasMessageContaining("castad.simulators.media.pad-to-bytes");
    }

    @Test
    void writesAFreeBoxWithA64BitSizeBeyondFourGibibytesWithoutHoldingIt() throws Exception {
        long size = 5_000_000_000L;
        var out = new CountingWindow(assets.video().length(), 16);

        assets.video().writeTo(out, size);

        assertThat(out.count).isEqualTo(size);
        var header = ByteBuffer.wrap(out.window.toByteArray());
        assertThat(header.getInt()).isEqualTo(1);
        assertThat(header.getInt()).isEqualTo(0x66726565);
        assertThat(header.getLong()).isEqualTo(size - assets.video().length());
    }

    /** Counts what is written and keeps only {@code length} bytes from position {@code from}. */
    private static final class CountingWindow extends OutputStream {

        private final ByteArrayOutputStream window = new ByteArrayOutputStream();
        private final long from;
        private final long to;
        private long count;

        CountingWindow(long from, int length) {
            this.from = from;
            this.to = from + length;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            long start = Math.max(count, from);
            long end = Math.min(count + length, to);
            if (start < end) {
                window.write(bytes, offset + (int) (start - count), (int) (end - start));
            }
            count += length;
        }
    }
}
