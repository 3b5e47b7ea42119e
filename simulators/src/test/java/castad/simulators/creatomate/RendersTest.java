package castad.simulators.creatomate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import castad.simulators.CallbackInbox;
import castad.simulators.RunningSimulatorTest;
import castad.simulators.SimulatorHttp;

class RendersTest extends RunningSimulatorTest {

    private static final List<String> ORDER = List.of("planned", "waiting", "transcribing", "rendering", "succeeded");

    private final CallbackInbox inbox = new CallbackInbox();

    @BeforeEach
    void quickRenders() {
        simulator.send("PUT", "/sim/creatomate/timing", Map.of("waitingAfterMs", 20, "transcribingAfterMs", 40,
                "renderingAfterMs", 60, "finishedAfterMs", 150));
    }

    @AfterEach
    void closeInbox() {
        inbox.close();
    }

    @Test
    void acceptsARenderWith202AndAnArrayOfOnePlannedRender() {
        var reply = simulator.authorized("POST", "/v1/renders", RenderRequests.video(inbox.url("/wh?token=s"), "video-7"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().isArray()).isTrue();
        assertThat(reply.body()).hasSize(1);
        var render = reply.body().get(0);
        assertThat(render.fieldNames()).toIterable().containsExactly("id", "status", "url", "snapshot_url", "template_id",
                "output_format", "width", "height", "frame_rate", "duration", "file_size", "modifications", "webhook_url",
                "metadata");
        var id = render.get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(render.get("status").asText()).isEqualTo("planned");
        assertThat(render.get("url").asText()).matches("http://localhost:\\d+/media/renders/" + id + "\\.mp4");
        assertThat(render.get("template_id").asText()).isEqualTo("castad-default");
        assertThat(render.get("output_format").asText()).isEqualTo("mp4");
        assertThat(render.get("width").asInt()).isEqualTo(1080);
        assertThat(render.get("height").asInt()).isEqualTo(1920);
        assertThat(render.get("frame_rate").asInt()).isEqualTo(30);
        assertThat(render.at("/modifications/Title").asText()).isEqualTo("Mori Bakery");
        assertThat(render.get("webhook_url").asText()).isEqualTo(inbox.url("/wh?token=s"));
        assertThat(render.get("metadata").asText()).isEqualTo("video-7");
    }

    @Test
    void v2AcceptsARenderWith202AndTheRenderObjectItselfAndServesItUnderV2() {
        var reply = simulator.authorized("POST", "/v2/renders", RenderRequests.video(inbox.url("/wh"), "video-8"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().isObject()).isTrue();
        assertThat(reply.body().get("status").asText()).isEqualTo("planned");
        assertThat(reply.body().get("metadata").asText()).isEqualTo("video-8");
        var id = reply.body().get("id").asText();
        assertThat(simulator.authorized("GET", "/v2/renders/" + id, null).body().get("id").asText()).isEqualTo(id);
        assertThat(simulator.get("/sim/stats/creatomate/video-8").body().get("submissions").asLong()).isEqualTo(1);
    }

    @Test
    void goesThroughEachStatusToSucceededAndOnlyThenServesTheVideo() throws Exception {
        simulator.send("PUT", "/sim/creatomate/timing", Map.of("waitingAfterMs", 150, "transcribingAfterMs", 300,
                "renderingAfterMs", 450, "finishedAfterMs", 600));
        var render = submit(RenderRequests.video(inbox.url("/wh"), "video-1"));
        var url = render.get("url").asText();
        assertThat(simulator.download(url).status()).isEqualTo(404);

        var seen = new ArrayList<String>();
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5)).until(() -> {
            var status = get(render.get("id").asText()).get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            return status.equals("succeeded");
        });

        assertThat(seen).isSubsetOf(ORDER).contains("rendering", "succeeded").isSortedAccordingTo(
                (a, b) -> Integer.compare(ORDER.indexOf(a), ORDER.indexOf(b)));
        var done = get(render.get("id").asText());
        var video = simulator.download(url);
        assertThat(video.status()).isEqualTo(200);
        assertThat(video.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(Long.parseLong(video.header("Content-Length"))).isEqualTo(video.body().length)
                .isEqualTo(done.get("file_size").asLong());
        assertThat(new String(Arrays.copyOfRange(video.body(), 4, 8), StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video.body())))
                .isEqualTo(simulator.download("/sim/media/video.sha256").bodyText());
        assertThat(done.get("duration").asDouble()).isEqualTo(3.0);
    }

    @Test
    void postsTheSucceededRenderToTheWebhookOnce() {
        var render = submit(RenderRequests.video(inbox.url("/api/v1/callbacks/creatomate?token=s"), "video-2"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 1);
        var webhook = inbox.received().get(0);
        assertThat(webhook.method()).isEqualTo("POST");
        assertThat(webhook.uri()).isEqualTo("/api/v1/callbacks/creatomate?token=s");
        assertThat(webhook.body().get("id").asText()).isEqualTo(render.get("id").asText());
        assertThat(webhook.body().get("status").asText()).isEqualTo("succeeded");
        assertThat(webhook.body().get("metadata").asText()).isEqualTo("video-2");
        assertThat(webhook.body().get("file_size").asLong()).isPositive();
        assertThat(webhook.body().has("error_message")).isFalse();
        assertThat(get(render.get("id").asText())).isEqualTo(webhook.body());
        assertThat(simulator.download(webhook.body().get("url").asText()).status()).isEqualTo(200);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> inbox.received().size() == 1);
    }

    @Test
    void aScriptedFailureEndsFailedWithItsMessageAndNeverServesTheVideo() {
        script("[{\"finalStatus\":\"failed\",\"errorMessage\":\"Photo-3 could not be downloaded\"}]");
        var render = submit(RenderRequests.video(inbox.url("/wh"), "video-3"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 1);
        var webhook = inbox.bodies().get(0);
        assertThat(webhook.get("status").asText()).isEqualTo("failed");
        assertThat(webhook.get("error_message").asText()).isEqualTo("Photo-3 could not be downloaded");
        assertThat(webhook.get("file_size").isNull()).isTrue();
        assertThat(get(render.get("id").asText()).get("status").asText()).isEqualTo("failed");
        assertThat(simulator.download(render.get("url").asText()).status()).isEqualTo(404);
        assertThat(simulator.get("/sim/stats/creatomate/video-3").body().get("submissions").asLong()).isEqualTo(1);
    }

    @Test
    void scriptedRefusalsAnswerTheirStatusWithAHintAndAreNotPaid() {
        script("[{\"httpStatus\":402,\"hint\":\"Insufficient credits\"},{\"httpStatus\":429},{\"httpStatus\":500}]");

        var noCredits = simulator.authorized("POST", "/v1/renders", RenderRequests.video(inbox.url("/wh"), "video-4"));
        var tooMany = simulator.authorized("POST", "/v1/renders", RenderRequests.video(inbox.url("/wh"), "video-4"));
        var broken = simulator.authorized("POST", "/v1/renders", RenderRequests.video(inbox.url("/wh"), "video-4"));
        var accepted = simulator.authorized("POST", "/v1/renders", RenderRequests.video(inbox.url("/wh"), "video-4"));

        assertThat(noCredits.status()).isEqualTo(402);
        assertThat(noCredits.body().toString()).isEqualTo("{\"hint\":\"Insufficient credits\"}");
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.body().get("hint").asText()).isNotBlank();
        assertThat(broken.status()).isEqualTo(500);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(simulator.get("/sim/stats/creatomate/video-4").body().get("submissions").asLong()).isEqualTo(1);
    }

    @Test
    void aDroppedWebhookNeverArrivesButPollingSeesTheRenderSucceed() {
        script("[{\"webhook\":\"drop\"}]");
        var render = submit(RenderRequests.video(inbox.url("/wh"), "video-5"));

        await().atMost(Duration.ofSeconds(5)).until(() -> get(render.get("id").asText()).get("status").asText().equals("succeeded"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> inbox.received().isEmpty());
    }

    @Test
    void aDuplicatedWebhookArrivesTwice() {
        script("[{\"webhook\":\"duplicate\"}]");
        submit(RenderRequests.video(inbox.url("/wh"), "video-6"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 2);
        assertThat(inbox.bodies().get(0)).isEqualTo(inbox.bodies().get(1));
    }

    @Test
    void theGlobalWebhookDeliveryAppliesToRendersSubmittedAfterItChanged() {
        var set = simulator.send("PUT", "/sim/creatomate/webhooks", Map.of("webhooks", "duplicate"));
        assertThat(set.body().get("webhooks").asText()).isEqualTo("duplicate");
        assertThat(simulator.get("/sim/creatomate/webhooks").body()).isEqualTo(set.body());

        submit(RenderRequests.video(inbox.url("/wh"), "video-8"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 2);
    }

    @Test
    void countsEachAcceptedRenderAsAPaidSubmissionKeyedByItsMetadata() {
        submit(RenderRequests.video(inbox.url("/wh"), "video-9"));
        submit(RenderRequests.video(inbox.url("/wh"), "video-9"));
        submit(RenderRequests.video(inbox.url("/wh"), "video-10"));

        var creatomate = simulator.get("/sim/stats").body().get("creatomate");
        assertThat(creatomate.get("submissions").asLong()).isEqualTo(3);
        assertThat(creatomate.get("duplicateSubmissions").asLong()).isEqualTo(1);
        assertThat(simulator.get("/sim/stats/creatomate/video-9").body().get("submissions").asLong()).isEqualTo(2);
    }

    @Test
    void refusesWithoutAKeyAnUnknownTemplateAndAnUnknownRenderWithAHint() {
        var request = RenderRequests.video(inbox.url("/wh"), "video-11");
        var withoutKey = simulator.send("POST", "/v1/renders", request);
        var withoutKeyV2 = simulator.send("POST", "/v2/renders", request);
        request.put("template_id", "nope");
        var unknownTemplate = simulator.authorized("POST", "/v1/renders", request);
        var unknownRender = simulator.authorized("GET", "/v1/renders/00000000-0000-0000-0000-000000000000", null);

        assertThat(withoutKey.status()).isEqualTo(401);
        assertThat(withoutKeyV2.status()).isEqualTo(401);
        assertThat(withoutKey.body().fieldNames()).toIterable().containsExactly("hint");
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(unknownTemplate.body().get("hint").asText()).contains("nope");
        assertThat(unknownRender.status()).isEqualTo(404);
        assertThat(unknownRender.body().get("hint").asText()).isNotBlank();
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/submissions").asLong()).isZero();
    }

    @Test
    void refusesAnOutcomeItCannotPlay() {
        for (var outcome : List.of("{\"httpStatus\":200}", "{\"finalStatus\":\"rendering\"}", "{\"webhook\":\"twice\"}",
                "{\"hint\":\"alone\"}", "{\"errorMessage\":\"without failure\"}",
                "{\"httpStatus\":402,\"finalStatus\":\"failed\"}")) {
            assertThat(script("[" + outcome + "]").status()).as(outcome).isEqualTo(400);
        }
        assertThat(simulator.get("/sim/creatomate/script").body().get("outcomes")).isEmpty();
    }

    private JsonNode submit(Map<String, Object> request) {
        var reply = simulator.authorized("POST", "/v1/renders", request);
        assertThat(reply.status()).isEqualTo(202);
        return reply.body().get(0);
    }

    private JsonNode get(String id) {
        return simulator.authorized("GET", "/v1/renders/" + id, null).body();
    }

    private SimulatorHttp.Reply script(String outcomes) {
        return simulator.send("POST", "/sim/creatomate/script", SimulatorHttp.raw("{\"outcomes\":" + outcomes + "}"));
    }
}
