package castad.simulators.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import castad.simulators.RunningSimulatorTest;

class MediaChaosTest extends RunningSimulatorTest {

    private static final int SONG_BYTES = 8332;
    private static final String GET_SONG = "GET /media/songs/a-1.mp3 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    @Test
    void aDroppedDownloadIsAnIoErrorWithoutAByte() {
        simulator.chaos("media", Map.of("dropRate", 1.0, "seed", 1));

        assertThatThrownBy(() -> simulator.download("/media/songs/a-1.mp3")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(simulator.rawExchange(GET_SONG)).isEmpty();
        assertThat(simulator.get("/sim/stats").body().at("/media/faults/dropped").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDropAfterAcceptCutsTheDownloadOffHalfWay() {
        simulator.chaos("media", Map.of("dropRate", 1.0, "dropAfterAccept", true, "seed", 2));

        var received = simulator.rawExchange(GET_SONG);

        var text = new String(received, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: " + SONG_BYTES);
        int body = received.length - (text.indexOf("\r\n\r\n") + 4);
        assertThat(body).isEqualTo(SONG_BYTES / 2);
        assertThatThrownBy(() -> simulator.download("/media/songs/a-1.mp3")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aSlowDownloadComesWholeButLate() throws Exception {
        simulator.chaos("media", Map.of("slowRate", 1.0, "slowMs", 600, "seed", 3));

        var download = CompletableFuture.supplyAsync(() -> simulator.download("/media/songs/a-1.mp3"));

        assertThatThrownBy(() -> download.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        var song = download.get(1800, TimeUnit.MILLISECONDS);
        assertThat(song.status()).isEqualTo(200);
        assertThat(song.body()).hasSize(SONG_BYTES);
        assertThat(song.header("Content-Type")).isEqualTo("audio/mpeg");
    }

    @Test
    void takesOnlySlowAnswersAndDrops() {
        assertThat(simulator.chaos("media", Map.of("errorRate", 0.1)).status()).isEqualTo(400);
        assertThat(simulator.chaos("media", Map.of("rateLimitRate", 0.1)).status()).isEqualTo(400);
        assertThat(simulator.get("/sim/media/chaos").body().get("errorRate").asDouble()).isZero();
    }
}
