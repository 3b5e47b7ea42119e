package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castad.testsupport.SseProbe;
import castad.testsupport.TestSimulators;
import castad.video.VideoWorkerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The whole product: three pipelines at once, from photos to a stored MP4, with no client polling needed. */
class PipelineEndToEndIT {

    private final Castad castad = new Castad();

    @Test
    void threePipelinesAtOnceEachEndWithTheSimulatorsVideoInBlobStoragePaidForOnce() throws Exception {
        List<String> tasks = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> castad.projectWithPhotos("Market Stall " + i, List.of("ko", "en", "ja").get(i - 1), 3))
                .toList();
        double templateFetchesBefore = templateFetches();
        List<SseProbe> timelines = tasks.stream().map(task -> new SseProbe(RunningCastad.gatewayUrl()
                + "/api/v1/projects/" + task + "/events")).toList();

        tasks.forEach(task -> castad.post(task, "pipeline", null));

        List<JsonNode> finished = tasks.stream()
                .map(task -> castad.awaitTask(task, Castad::pipelineEnded, Duration.ofSeconds(120))).toList();
        String videoSha256 = TestSimulators.text("/sim/media/video.sha256").strip();
        for (JsonNode task : finished) {
            assertThat(task.get("pipeline").get("status").asText()).as(task.toString()).isEqualTo("completed");
            assertThat(task.get("lyric").get("status").asText()).isEqualTo("completed");
            assertThat(task.get("song").get("status").asText()).isEqualTo("completed");
            assertThat(task.get("song").get("durationSeconds").asDouble()).isPositive();
            JsonNode video = task.get("video");
            assertThat(video.get("status").asText()).isEqualTo("completed");
            byte[] mp4 = download(video.get("resultUrl").asText());
            assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            assertThat(sha256(mp4)).isEqualTo(videoSha256);
            assertPaidOnce(task);
        }
        for (SseProbe timeline : timelines) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> timeline.names().contains("PipelineCompleted"));
            List<String> completedStages = timeline.events().stream()
                    .filter(e -> e.name().equals("StageCompleted"))
                    .map(e -> e.data().replaceAll(".*\"stage\":\"([A-Z]+)\".*", "$1")).toList();
            assertThat(completedStages).containsExactly("LYRIC", "SONG", "VIDEO");
            assertThat(timeline.names()).startsWith("PipelineStarted").endsWith("PipelineCompleted");
            byte[] announced = download(timeline.events().stream()
                    .filter(e -> e.name().equals("StageCompleted") && e.data().contains("\"stage\":\"VIDEO\""))
                    .map(e -> e.data().replaceAll(".*\"resultUrl\":\"([^\"]+)\".*", "$1")).findFirst().orElseThrow());
            assertThat(sha256(announced)).as("the stream's resultUrl downloads the video").isEqualTo(videoSha256);
            timeline.close();
        }
        for (int i = 0; i < tasks.size(); i++) {
            List<String> live = timelines.get(i).names();
            try (var late = new SseProbe(RunningCastad.gatewayUrl() + "/api/v1/projects/" + tasks.get(i) + "/events")) {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(late.names()).as("a late watcher is replayed what live watchers saw").isEqualTo(live));
            }
        }
        JsonNode stats = TestSimulators.stats();
        assertThat(List.of("openai", "suno", "creatomate"))
                .allSatisfy(provider -> assertThat(stats.get(provider).get("duplicateSubmissions").asInt()).isZero());
        assertThat(castad.videos(100).get("items")).extracting(i -> i.get("taskId").asText()).containsAll(tasks);
        assertThat(templateFetches() - templateFetchesBefore).as("one template fetch for many renders").isLessThanOrEqualTo(1);
        assertThat(RunningCastad.bean(VideoWorkerApplication.class, MeterRegistry.class)
                .get("cache.gets").tag("cache", "creatomate-templates").tag("result", "hit").functionCounter().count())
                .isGreaterThanOrEqualTo(2);
    }

    private static void assertPaidOnce(JsonNode task) {
        assertThat(TestSimulators.submissions("openai", "lyric-" + task.get("lyric").get("id").asLong())).isEqualTo(1);
        assertThat(TestSimulators.submissions("suno", String.valueOf(task.get("song").get("id").asLong()))).isEqualTo(1);
        assertThat(TestSimulators.submissions("creatomate", String.valueOf(task.get("video").get("id").asLong())))
                .isEqualTo(1);
    }

    private static double templateFetches() {
        return TestSimulators.stats().path("creatomate").path("templateFetches").asDouble();
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
