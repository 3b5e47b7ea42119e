package castad.simulators.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import castad.simulators.RunningSimulatorTest;

class MediaTest extends RunningSimulatorTest {

    private static final int SONG_BYTES = 8332;
    private static final int VIDEO_BYTES = 60800;

    @Test
    void servesTheSongAsAudioMpegWithItsLength() throws Exception {
        var song = simulator.download("/media/songs/0123456789abcdef0123456789abcdef-1.mp3");

        assertThat(song.status()).isEqualTo(200);
        assertThat(song.header("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(song.header("Content-Length")).isEqualTo(Integer.toString(SONG_BYTES));
        assertThat(song.body()).hasSize(SONG_BYTES);
        assertThat(song.body()[0] & 0xff).isEqualTo(0xff);
        assertThat(song.body()[1] & 0xe0).isEqualTo(0xe0);
        assertThat(sha256(song.body())).isEqualTo(simulator.download("/sim/media/song.sha256").bodyText());
    }

    @Test
    void padsASongWithZerosToExactlyTheRequestedSize() {
        var plain = simulator.download("/media/songs/a-1.mp3").body();

        var padded = simulator.download("/media/songs/a-1.mp3?sizeBytes=50000");

        assertThat(padded.header("Content-Length")).isEqualTo("50000");
        assertThat(padded.body()).hasSize(50_000);
        assertThat(Arrays.copyOf(padded.body(), SONG_BYTES)).isEqualTo(plain);
        assertThat(Arrays.copyOfRange(padded.body(), SONG_BYTES, 50_000)).containsOnly((byte) 0);
    }

    @Test
    void padsAVideoWithOneTopLevelFreeBoxKeepingFtypFirst() {
        var url = succeededRenderUrl();
        var plain = simulator.download(url).body();

        var padded = simulator.download(url + "?sizeBytes=200000");

        assertThat(padded.status()).isEqualTo(200);
        assertThat(padded.header("Content-Length")).isEqualTo("200000");
        assertThat(padded.body()).hasSize(200_000);
        assertThat(Arrays.copyOf(padded.body(), VIDEO_BYTES)).isEqualTo(plain);
        assertThat(topLevelBoxes(plain)).containsExactly("ftyp", "moov", "free", "mdat");
        assertThat(topLevelBoxes(padded.body())).containsExactly("ftyp", "moov", "free", "mdat", "free");
        var free = ByteBuffer.wrap(padded.body(), VIDEO_BYTES, 8);
        assertThat(free.getInt()).isEqualTo(200_000 - VIDEO_BYTES);
    }

    @Test
    void refusesASizeItCannotServeExactly() {
        var url = succeededRenderUrl();

        assertThat(simulator.download("/media/songs/a-1.mp3?sizeBytes=100").status()).isEqualTo(400);
        assertThat(simulator.download(url + "?sizeBytes=" + (VIDEO_BYTES + 7)).status()).isEqualTo(400);
        assertThat(simulator.download(url + "?sizeBytes=" + VIDEO_BYTES).body()).hasSize(VIDEO_BYTES);
        assertThat(simulator.download(url + "?sizeBytes=" + (VIDEO_BYTES + 8)).body()).hasSize(VIDEO_BYTES + 8);
    }

    @Test
    void answers404ForTheVideoOfAnUnknownRender() {
        assertThat(simulator.download("/media/renders/00000000-0000-0000-0000-000000000000.mp4").status()).isEqualTo(404);
    }

    @Test
    void servesACoverImageForEverySongAndSnapshot() {
        var image = simulator.download("/media/images/anything.jpg");

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(image.body()[0] & 0xff).isEqualTo(0xff);
        assertThat(image.body()[1] & 0xff).isEqualTo(0xd8);
    }

    @Test
    void reportsTheUnpaddedAssetsSizesDurationsAndChecksums() {
        var assets = simulator.get("/sim/media").body();

        assertThat(assets.at("/song/bytes").asLong()).isEqualTo(SONG_BYTES);
        assertThat(assets.at("/song/seconds").asDouble()).isCloseTo(4.075, offset(0.001));
        assertThat(assets.at("/video/bytes").asLong()).isEqualTo(VIDEO_BYTES);
        assertThat(assets.at("/video/seconds").asDouble()).isEqualTo(3.0);
        var videoSha = simulator.download("/sim/media/video.sha256");
        assertThat(videoSha.header("Content-Type")).startsWith("text/plain");
        assertThat(videoSha.bodyText()).matches("[0-9a-f]{64}").isEqualTo(assets.at("/video/sha256").asText());
    }

    private String succeededRenderUrl() {
        simulator.send("PUT", "/sim/creatomate/timing", Map.of("waitingAfterMs", 0, "transcribingAfterMs", 0,
                "renderingAfterMs", 0, "finishedAfterMs", 0));
        var request = new LinkedHashMap<String, Object>();
        request.put("template_id", "castad-default");
        return simulator.authorized("POST", "/v1/renders", request).body().at("/0/url").asText();
    }

    private static List<String> topLevelBoxes(byte[] mp4) {
        var names = new ArrayList<String>();
        var data = ByteBuffer.wrap(mp4);
        for (int at = 0; at < mp4.length; ) {
            int size = data.getInt(at);
            names.add(new String(mp4, at + 4, 4, StandardCharsets.US_ASCII));
            at += size;
            assertThat(at).isLessThanOrEqualTo(mp4.length);
        }
        return names;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
