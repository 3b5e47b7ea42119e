package castad.simulators.creatomate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import castad.simulators.CallbackInbox;
import castad.simulators.RunningSimulatorTest;
import castad.simulators.SimulatorHttp;
import castad.simulators.SimulatorHttp.Reply;

class CreatomateChaosTest extends RunningSimulatorTest {

    private final CallbackInbox inbox = new CallbackInbox();

    @BeforeEach
    void quickRenders() {
        simulator.send("PUT", "/sim/creatomate/timing", Map.of("waitingAfterMs", 10, "transcribingAfterMs", 20,
                "renderingAfterMs", 30, "finishedAfterMs", 50));
    }

    @AfterEach
    void closeInbox() {
        inbox.close();
    }

    @Test
    void atErrorRateOneRendersAndTemplatesAnswer500WithAHintAndNothingIsPaid() {
        var id = render("video-1").body().at("/0/id").asText();
        simulator.chaos("creatomate", Map.of("errorRate", 1.0, "seed", 1));

        var replies = new Reply[] {render("video-2"), render("video-2"),
                simulator.authorized("GET", "/v1/renders/" + id, null),
                simulator.authorized("GET", "/v1/templates", null),
                simulator.authorized("GET", "/v1/templates/castad-default", null)};

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body().fieldNames()).toIterable().containsExactly("hint");
        });
        var stats = simulator.get("/sim/stats").body().get("creatomate");
        assertThat(stats.get("submissions").asLong()).isEqualTo(1);
        assertThat(stats.get("templateFetches").asLong()).isZero();
        assertThat(stats.at("/faults/errors").asLong()).isEqualTo(5);
        assertThat(simulator.get("/sim/stats/creatomate/video-2").body().get("submissions").asLong()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"present, true", "absent, false"})
    void atRateLimitRateOneEveryRequestIs429WithOrWithoutRetryAfter(String retryAfter, boolean header) {
        simulator.chaos("creatomate", Map.of("rateLimitRate", 1.0, "retryAfter", retryAfter, "seed", 2));

        var submitted = render("video-3");
        var fetched = simulator.authorized("GET", "/v1/templates/castad-default", null);

        for (var reply : new Reply[] {submitted, fetched}) {
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.body().get("hint").asText()).isNotBlank();
            assertThat(reply.header("retry-after")).isEqualTo(header ? "1" : null);
        }
        assertThat(simulator.get("/sim/stats/creatomate/video-3").body().get("submissions").asLong()).isZero();
    }

    @Test
    void aDroppedRenderIsAnIoErrorAndNotPaid() {
        simulator.chaos("creatomate", Map.of("dropRate", 1.0, "seed", 3));

        assertThatThrownBy(() -> render("video-4")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);

        assertThat(simulator.get("/sim/stats/creatomate/video-4").body().get("submissions").asLong()).isZero();
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/faults/dropped").asLong()).isEqualTo(1);
    }

    @Test
    void aDropAfterAcceptLeavesAPaidRenderWhoseWebhookStillComes() {
        simulator.chaos("creatomate", Map.of("dropRate", 1.0, "dropAfterAccept", true, "seed", 3));

        assertThatThrownBy(() -> render("video-5")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);

        assertThat(simulator.get("/sim/stats/creatomate/video-5").body().get("submissions").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.bodies().stream()
                .anyMatch(webhook -> "video-5".equals(webhook.get("metadata").asText())
                        && "succeeded".equals(webhook.get("status").asText())));
    }

    @Test
    void aSlowTemplateComesCorrectButLate() throws Exception {
        simulator.chaos("creatomate", Map.of("slowRate", 1.0, "slowMs", 600, "seed", 4));

        var reply = simulator.sendAsync("GET", "/v1/templates/castad-default", null,
                "Authorization", "Bearer " + SimulatorHttp.KEY);

        assertThatThrownBy(() -> reply.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        var template = reply.get(1800, TimeUnit.MILLISECONDS);
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body().get("id").asText()).isEqualTo("castad-default");
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/faults/slow").asLong()).isEqualTo(1);
    }

    @Test
    void scriptedOutcomesComeBeforeChaos() {
        simulator.chaos("creatomate", Map.of("errorRate", 1.0, "seed", 5));
        simulator.send("POST", "/sim/creatomate/script", SimulatorHttp.raw("{\"outcomes\":[{\"httpStatus\":402}]}"));

        assertThat(render("video-6").status()).isEqualTo(402);
        assertThat(render("video-6").status()).isEqualTo(500);
    }

    private Reply render(String metadata) {
        return simulator.authorized("POST", "/v1/renders", RenderRequests.video(inbox.url("/wh"), metadata));
    }
}
