package castad.simulators.suno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import castad.simulators.CallbackInbox;
import castad.simulators.RunningSimulatorTest;
import castad.simulators.SimulatorHttp;

class SunoGenerateTest extends RunningSimulatorTest {

    private final CallbackInbox inbox = new CallbackInbox();

    @AfterEach
    void closeInbox() {
        inbox.close();
    }

    @Test
    void sendsTextFirstAndCompleteCallbacksInOrderAndRecordInfoEndsInSuccessWithADownloadableMp3() throws Exception {
        var taskId = generate(inbox.url("/api/v1/callbacks/suno?token=t0k&ref=42"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 3);
        assertThat(inbox.callbackTypes()).containsExactly("text", "first", "complete");
        assertThat(inbox.received()).allSatisfy(callback -> {
            assertThat(callback.method()).isEqualTo("POST");
            assertThat(callback.uri()).isEqualTo("/api/v1/callbacks/suno?token=t0k&ref=42");
            assertThat(callback.contentType()).isEqualTo("application/json");
        });
        var complete = inbox.bodies().get(2);
        assertThat(complete.fieldNames()).toIterable().containsExactly("code", "msg", "data");
        assertThat(complete.get("code").asInt()).isEqualTo(200);
        assertThat(complete.get("msg").asText()).isEqualTo("All generated successfully.");
        assertThat(complete.at("/data/task_id").asText()).isEqualTo(taskId);
        assertThat(complete.at("/data/data")).hasSize(2).allSatisfy(song -> assertThat(song.fieldNames()).toIterable()
                .containsExactly("id", "audio_url", "stream_audio_url", "image_url", "prompt", "model_name", "title",
                        "tags", "createTime", "duration"));
        var info = recordInfo(taskId);
        assertThat(info.get("status").asText()).isEqualTo("SUCCESS");
        var songs = info.at("/response/sunoData");
        assertThat(songs).hasSize(2);
        assertThat(songs.get(0).get("audioUrl").asText()).isEqualTo(complete.at("/data/data/0/audio_url").asText())
                .endsWith("/media/songs/" + taskId + "-1.mp3");
        assertThat(songs.get(1).get("audioUrl").asText()).endsWith("/media/songs/" + taskId + "-2.mp3");
        assertThat(songs.get(0).get("duration").asDouble()).isEqualTo(4.08);
        var mp3 = simulator.download(songs.get(0).get("audioUrl").asText());
        assertThat(mp3.status()).isEqualTo(200);
        assertThat(mp3.header("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp3.body())))
                .isEqualTo(simulator.download("/sim/media/song.sha256").bodyText());
    }

    @Test
    void announcesTheSongsStepByStepInTheCallbacks() {
        generate(inbox.url("/cb?ref=1"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 3);
        var text = inbox.bodies().get(0);
        var first = inbox.bodies().get(1);
        var complete = inbox.bodies().get(2);
        assertThat(text.at("/data/data")).hasSize(2);
        assertThat(text.at("/data/data/0/audio_url").asText()).isEmpty();
        assertThat(text.at("/data/data/0/stream_audio_url").asText()).isEmpty();
        assertThat(text.at("/data/data/0/duration").isNull()).isTrue();
        assertThat(text.at("/data/data/0/prompt").asText()).isEqualTo(SunoRequests.LYRICS);
        assertThat(text.at("/data/data/0/title").asText()).isEqualTo("Mori Morning");
        assertThat(text.at("/data/data/0/tags").asText()).isEqualTo("K-pop, upbeat");
        assertThat(first.at("/data/data/0/audio_url").asText()).isEmpty();
        assertThat(first.at("/data/data/0/stream_audio_url").asText()).contains("/media/songs/");
        assertThat(complete.at("/data/data/1/audio_url").asText()).endsWith(".mp3");
        assertThat(complete.at("/data/data/1/duration").asDouble()).isEqualTo(4.08);
        assertThat(text.at("/data/data/0/id").asText()).isEqualTo(complete.at("/data/data/0/id").asText())
                .isNotEqualTo(complete.at("/data/data/1/id").asText());
    }

    @Test
    void recordInfoShowsAPendingTaskWithItsRequestAsParamAndNoResponse() {
        simulator.send("PUT", "/sim/suno/timing", Map.of("textAfterMs", 5_000, "firstAfterMs", 6_000, "completeAfterMs", 7_000));
        var request = SunoRequests.song(inbox.url("/cb?ref=7"));
        var taskId = simulator.authorized("POST", "/api/v1/generate", request).body().at("/data/taskId").asText();

        var reply = simulator.authorized("GET", "/api/v1/generate/record-info?taskId=" + taskId, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("code").asInt()).isEqualTo(200);
        assertThat(reply.body().get("msg").asText()).isEqualTo("success");
        var data = reply.body().get("data");
        assertThat(data.fieldNames()).toIterable()
                .containsExactly("taskId", "param", "response", "status", "type", "errorCode", "errorMessage");
        assertThat(data.get("status").asText()).isEqualTo("PENDING");
        assertThat(data.get("type").asText()).isEqualTo("GENERATE");
        assertThat(data.get("response").isNull()).isTrue();
        assertThat(data.get("errorCode").isNull()).isTrue();
        assertThat(data.get("param").isTextual()).isTrue();
        assertThat(SimulatorHttp.parse(data.get("param").asText()).get("callBackUrl").asText())
                .isEqualTo(request.get("callBackUrl"));
    }

    @Test
    void answersEachGenerateWithAThirtyTwoHexTaskId() {
        var reply = simulator.authorized("POST", "/api/v1/generate", SunoRequests.song(inbox.url("/cb?ref=1")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable().containsExactly("code", "msg", "data");
        assertThat(reply.body().get("msg").asText()).isEqualTo("success");
        assertThat(reply.body().at("/data/taskId").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void answers422WithoutACallbackUrlAndCountsNothing() {
        var reply = simulator.authorized("POST", "/api/v1/generate", SunoRequests.with(null, Map.of()));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("code").asInt()).isEqualTo(422);
        assertThat(reply.body().get("msg").asText()).isEqualTo("callBackUrl is required");
        assertThat(simulator.get("/sim/stats").body().at("/suno/submissions").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no style         | style        | <none>  | 400",
            "no title         | title        | <none>  | 400",
            "no lyrics        | prompt       | <none>  | 400",
            "unknown model    | model        | V9      | 400",
            "no model         | model        | <none>  | 400",
            "no customMode    | customMode   | <none>  | 400",
            "bad callback URL | callBackUrl  | ftp://x | 400",
            "long title       | title        | 101     | 400",
            "long style       | style        | 1001    | 400",
            "long lyrics      | prompt       | 5001    | 413"})
    void refusesWhatTheDocumentationRefuses(String name, String field, String value, int code) {
        Object changed = value.matches("\\d+") ? "x".repeat(Integer.parseInt(value)) : value;
        var request = SunoRequests.with(inbox.url("/cb?ref=1"), java.util.Collections.singletonMap(field, changed));

        var reply = simulator.authorized("POST", "/api/v1/generate", request);

        assertThat(reply.status()).isEqualTo(code);
        assertThat(reply.body().get("code").asInt()).isEqualTo(code);
        assertThat(reply.body().get("msg").asText()).isNotBlank();
        assertThat(simulator.get("/sim/stats").body().at("/suno/submissions").asLong()).isZero();
    }

    @Test
    void acceptsAnInstrumentalWithoutLyricsAndADescriptionOutsideCustomMode() {
        var instrumental = SunoRequests.with(inbox.url("/cb?ref=1"), Map.of("instrumental", true, "prompt", "<none>"));
        var described = Map.of("customMode", false, "instrumental", false, "model", "V4",
                "callBackUrl", inbox.url("/cb?ref=2"), "prompt", "A cheerful jingle for a bakery");

        assertThat(simulator.authorized("POST", "/api/v1/generate", instrumental).body().get("code").asInt()).isEqualTo(200);
        assertThat(simulator.authorized("POST", "/api/v1/generate", described).body().get("code").asInt()).isEqualTo(200);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        var reply = simulator.authorized("POST", "/api/v1/generate", SimulatorHttp.raw("{not json"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asInt()).isEqualTo(400);
    }

    @Test
    void refusesARequestWithoutAKeyWithSunosErrorBody() {
        var reply = simulator.send("POST", "/api/v1/generate", SunoRequests.song(inbox.url("/cb?ref=1")));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().fieldNames()).toIterable().containsExactly("code", "msg");
        assertThat(reply.body().get("code").asInt()).isEqualTo(401);
        assertThat(simulator.send("GET", "/api/v1/generate/record-info?taskId=x", null).status()).isEqualTo(401);
    }

    @Test
    void answers404ForAnUnknownTask() {
        var reply = simulator.authorized("GET", "/api/v1/generate/record-info?taskId=0123456789abcdef0123456789abcdef", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("code").asInt()).isEqualTo(404);
        assertThat(reply.body().get("msg").asText()).contains("0123456789abcdef0123456789abcdef");
    }

    @Test
    void countsEachAcceptedTaskAsAPaidSubmissionKeyedByTheRefOfItsCallbackUrl() {
        generate(inbox.url("/api/v1/callbacks/suno?token=x&ref=42"));
        generate(inbox.url("/api/v1/callbacks/suno?ref=42&token=y"));
        generate(inbox.url("/api/v1/callbacks/suno?token=x&ref=43"));
        generate(inbox.url("/api/v1/callbacks/suno?token=x"));

        var suno = simulator.get("/sim/stats").body().get("suno");
        assertThat(suno.get("submissions").asLong()).isEqualTo(4);
        assertThat(suno.get("duplicateSubmissions").asLong()).isEqualTo(1);
        assertThat(simulator.get("/sim/stats/suno/42").body().get("submissions").asLong()).isEqualTo(2);
        assertThat(simulator.get("/sim/stats/suno/43").body().get("submissions").asLong()).isEqualTo(1);
    }

    private String generate(String callBackUrl) {
        var reply = simulator.authorized("POST", "/api/v1/generate", SunoRequests.song(callBackUrl));
        assertThat(reply.body().get("code").asInt()).isEqualTo(200);
        return reply.body().at("/data/taskId").asText();
    }

    private JsonNode recordInfo(String taskId) {
        return simulator.authorized("GET", "/api/v1/generate/record-info?taskId=" + taskId, null).body().get("data");
    }
}
