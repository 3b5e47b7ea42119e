package castad.simulators.suno;

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

class SunoChaosTest extends RunningSimulatorTest {

    private final CallbackInbox inbox = new CallbackInbox();

    @BeforeEach
    void quickSteps() {
        simulator.send("PUT", "/sim/suno/timing", Map.of("textAfterMs", 20, "firstAfterMs", 40, "completeAfterMs", 60));
    }

    @AfterEach
    void closeInbox() {
        inbox.close();
    }

    @Test
    void atErrorRateOneGenerateAndRecordInfoAnswerCode500AndNothingIsPaid() {
        var taskId = generate("1").body().at("/data/taskId").asText();
        simulator.chaos("suno", Map.of("errorRate", 1.0, "seed", 1));

        for (int i = 0; i < 3; i++) {
            var refused = generate("2");
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.body().toString())
                    .isEqualTo("{\"code\":500,\"msg\":\"Server exception, please try again later.\"}");
        }
        var polled = recordInfo(taskId);

        assertThat(polled.status()).isEqualTo(500);
        assertThat(polled.body().get("code").asInt()).isEqualTo(500);
        var stats = simulator.get("/sim/stats").body().get("suno");
        assertThat(stats.get("submissions").asLong()).isEqualTo(1);
        assertThat(simulator.get("/sim/stats/suno/2").body().get("submissions").asLong()).isZero();
        assertThat(stats.at("/faults/errors").asLong()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"present, true", "absent, false"})
    void atRateLimitRateOneEveryRequestIsCode430WithOrWithoutRetryAfter(String retryAfter, boolean header) {
        simulator.chaos("suno", Map.of("rateLimitRate", 1.0, "retryAfter", retryAfter, "seed", 2));

        var reply = generate("3");

        assertThat(reply.status()).isEqualTo(430);
        assertThat(reply.body().get("code").asInt()).isEqualTo(430);
        assertThat(reply.body().get("msg").asText()).contains("call frequency is too high");
        assertThat(reply.header("retry-after")).isEqualTo(header ? "1" : null);
        assertThat(simulator.get("/sim/stats/suno/3").body().get("submissions").asLong()).isZero();
        assertThat(simulator.get("/sim/stats").body().at("/suno/faults/rateLimited").asLong()).isEqualTo(1);
    }

    @Test
    void aDroppedGenerateIsAnIoErrorAndNotPaid() {
        simulator.chaos("suno", Map.of("dropRate", 1.0, "seed", 3));

        assertThatThrownBy(() -> generate("4")).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(simulator.get("/sim/stats/suno/4").body().get("submissions").asLong()).isZero();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> inbox.received().isEmpty());
    }

    @Test
    void aDropAfterAcceptLeavesAPaidTaskTheClientNeverLearnedOf() {
        simulator.chaos("suno", Map.of("dropRate", 1.0, "dropAfterAccept", true, "seed", 3));

        assertThatThrownBy(() -> generate("5")).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(simulator.get("/sim/stats/suno/5").body().get("submissions").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.callbackTypes().contains("complete"));
    }

    @Test
    void aSlowRecordInfoComesCorrectButLate() throws Exception {
        var taskId = generate("6").body().at("/data/taskId").asText();
        simulator.chaos("suno", Map.of("slowRate", 1.0, "slowMs", 600, "seed", 4));

        var reply = simulator.sendAsync("GET", "/api/v1/generate/record-info?taskId=" + taskId, null,
                "Authorization", "Bearer " + SimulatorHttp.KEY);

        assertThatThrownBy(() -> reply.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        var info = reply.get(1800, TimeUnit.MILLISECONDS);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body().at("/data/taskId").asText()).isEqualTo(taskId);
    }

    @Test
    void scriptedOutcomesComeBeforeChaos() {
        simulator.chaos("suno", Map.of("errorRate", 1.0, "seed", 5));
        simulator.send("POST", "/sim/suno/script", SimulatorHttp.raw("{\"outcomes\":[{}]}"));

        assertThat(generate("7").body().get("code").asInt()).isEqualTo(200);
        assertThat(generate("7").body().get("code").asInt()).isEqualTo(500);
    }

    private Reply generate(String ref) {
        return simulator.authorized("POST", "/api/v1/generate", SunoRequests.song(inbox.url("/cb?ref=" + ref)));
    }

    private Reply recordInfo(String taskId) {
        return simulator.authorized("GET", "/api/v1/generate/record-info?taskId=" + taskId, null);
    }
}
