package castad.simulators.openai;

import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import castad.simulators.RunningSimulatorTest;
import castad.simulators.SimulatorHttp.Reply;

class OpenAiChaosTest extends RunningSimulatorTest {

    @Test
    void atErrorRateOneEveryRequestIsAServerErrorAndNothingIsPaid() {
        simulator.chaos("openai", Map.of("errorRate", 1.0, "seed", 3));

        var replies = IntStream.range(0, 10).mapToObj(i -> simulator.chat(lyricRequest("lyric-" + i, "Mori", "en"))).toList();

        assertThat(replies).extracting(Reply::status).containsOnly(500, 503).contains(500, 503);
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.body().at("/error/type").asText()).isEqualTo("server_error");
            assertThat(reply.body().at("/error/message").asText()).isNotBlank();
            assertThat(reply.header("x-request-id")).startsWith("req_");
        });
        assertThat(replies).filteredOn(reply -> reply.status() == 503)
                .allSatisfy(reply -> assertThat(reply.body().at("/error/code").asText()).isEqualTo("server_is_overloaded"));
        var stats = simulator.get("/sim/stats").body().get("openai");
        assertThat(stats.get("submissions").asLong()).isZero();
        assertThat(stats.at("/faults/errors").asLong()).isEqualTo(10);
    }

    @Test
    void aFixedSeedRepeatsTheSamePattern() {
        simulator.chaos("openai", Map.of("errorRate", 0.5, "seed", 123));
        var first = statuses(16);

        simulator.chaos("openai", Map.of("errorRate", 0.5, "seed", 123));
        var second = statuses(16);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200).containsAnyOf(500, 503);
        long successes = first.stream().filter(status -> status == 200).count();
        assertThat(simulator.get("/sim/stats").body().at("/openai/submissions").asLong()).isEqualTo(2 * successes);
    }

    @ParameterizedTest
    @CsvSource({"present, true", "absent, false"})
    void atRateLimitRateOneEveryRequestIsA429WithOrWithoutRetryHeaders(String retryAfter, boolean headers) {
        simulator.chaos("openai", Map.of("rateLimitRate", 1.0, "retryAfter", retryAfter, "seed", 4));

        var reply = simulator.chat(lyricRequest("lyric-1", "Mori", "en"));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(reply.body().at("/error/type").asText()).isEqualTo("requests");
        assertThat(reply.header("x-ratelimit-limit-requests")).isNotNull();
        if (headers) {
            assertThat(Long.parseLong(reply.header("retry-after-ms"))).isBetween(100L, 1000L);
            assertThat(reply.header("retry-after")).isEqualTo("1");
        } else {
            assertThat(reply.header("retry-after-ms")).isNull();
            assertThat(reply.header("retry-after")).isNull();
        }
        assertThat(simulator.get("/sim/stats").body().at("/openai/faults/rateLimited").asLong()).isEqualTo(1);
        assertThat(simulator.get("/sim/stats/openai/lyric-1").body().get("submissions").asLong()).isZero();
    }

    @Test
    void aRandomRetryAfterIsSentWithSomeRateLimitsOnly() {
        simulator.chaos("openai", Map.of("rateLimitRate", 1.0, "retryAfter", "random", "seed", 5));

        var withHeaders = IntStream.range(0, 12)
                .mapToObj(i -> simulator.chat(lyricRequest("lyric-1", "Mori", "en")).header("retry-after-ms") != null)
                .toList();

        assertThat(withHeaders).contains(true, false);
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAtTheClientAndNotPaid() {
        simulator.chaos("openai", Map.of("dropRate", 1.0, "seed", 6));

        assertThatThrownBy(() -> simulator.chat(lyricRequest("lyric-7", "Mori", "en")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(simulator.get("/sim/stats/openai/lyric-7").body().get("submissions").asLong()).isZero();
        assertThat(simulator.get("/sim/stats").body().at("/openai/faults/dropped").asLong()).isEqualTo(1);
    }

    @Test
    void aDropAfterAcceptIsPaidThoughTheClientNeverSawTheAnswer() {
        simulator.send("PUT", "/sim/openai/latency", Map.of("latencyMs", 50));
        simulator.chaos("openai", Map.of("dropRate", 1.0, "dropAfterAccept", true, "seed", 6));

        assertThatThrownBy(() -> simulator.chat(lyricRequest("lyric-8", "Mori", "en")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        assertThat(simulator.get("/sim/stats/openai/lyric-8").body().get("submissions").asLong()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerComesCorrectButLate() throws Exception {
        simulator.chaos("openai", Map.of("slowRate", 1.0, "slowMs", 600, "seed", 7));

        var reply = simulator.chatAsync(lyricRequest("lyric-9", "Mori", "en"));

        assertThatThrownBy(() -> reply.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(reply.get(1800, TimeUnit.MILLISECONDS).status()).isEqualTo(200);
        assertThat(reply.join().content()).isNotBlank();
        assertThat(simulator.get("/sim/stats").body().at("/openai/faults/slow").asLong()).isEqualTo(1);
    }

    @Test
    void scriptedOutcomesComeBeforeChaos() {
        simulator.chaos("openai", Map.of("errorRate", 1.0, "seed", 8));
        simulator.script("[{},{\"status\":429,\"code\":\"insufficient_quota\"}]");

        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status()).isEqualTo(200);
        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).body().at("/error/code").asText())
                .isEqualTo("insufficient_quota");
        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status()).isIn(500, 503);
        assertThat(simulator.get("/sim/stats").body().at("/openai/faults/errors").asLong()).isEqualTo(1);
    }

    private List<Integer> statuses(int count) {
        return IntStream.range(0, count).mapToObj(i -> simulator.chat(lyricRequest("lyric-" + i, "Mori", "en")).status())
                .toList();
    }
}
