package castad.simulators.openai;

import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import castad.simulators.RunningSimulatorTest;

class FaultScriptTest extends RunningSimulatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "'{\"status\":500}',                                          500, server_error,          null",
            "'{\"status\":503,\"code\":\"server_is_overloaded\"}',        503, server_error,          server_is_overloaded",
            "'{\"status\":429,\"code\":\"rate_limit_exceeded\"}',         429, requests,              rate_limit_exceeded",
            "'{\"status\":429,\"code\":\"insufficient_quota\"}',          429, insufficient_quota,    insufficient_quota",
            "'{\"status\":401,\"code\":\"invalid_api_key\"}',             401, invalid_request_error, invalid_api_key",
            "'{\"status\":403,\"code\":\"unsupported_country_region_territory\"}', 403, request_forbidden, unsupported_country_region_territory",
            "'{\"code\":\"insufficient_quota\"}',                         429, insufficient_quota,    insufficient_quota",
            "'{\"code\":\"credit_balance_exhausted\"}',                   429, insufficient_quota,    credit_balance_exhausted"})
    void aScriptedErrorAnswersWithItsStatusAndOpenAisErrorBody(String outcome, int status, String type, String code) {
        simulator.script("[" + outcome + "]");

        var reply = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en"));

        assertThat(reply.status()).isEqualTo(status);
        var error = reply.body().get("error");
        assertThat(error.fieldNames()).toIterable().containsExactly("message", "type", "param", "code");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
        assertThat(reply.header("x-request-id")).startsWith("req_");
    }

    @Test
    void aScriptedRateLimitSendsTheRetryHeadersItWasGiven() {
        simulator.script("""
                [{"status":429,"code":"rate_limit_exceeded","retryAfterMs":200},
                 {"status":429,"code":"rate_limit_exceeded","retryAfterSeconds":2},
                 {"status":429,"code":"rate_limit_exceeded"}]""");

        var inMillis = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en"));
        var inSeconds = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en"));
        var without = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en"));

        assertThat(inMillis.header("retry-after-ms")).isEqualTo("200");
        assertThat(inMillis.header("retry-after")).isNull();
        assertThat(inSeconds.header("retry-after")).isEqualTo("2");
        assertThat(inSeconds.header("retry-after-ms")).isNull();
        assertThat(without.header("retry-after-ms")).isNull();
        assertThat(without.header("retry-after")).isNull();
    }

    @Test
    void aScriptedShouldRetrySendsOpenAisHeaderWithTheError() {
        simulator.script("[{\"status\":503,\"shouldRetry\":false},{\"status\":500}]");

        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en")).header("x-should-retry")).isEqualTo("false");
        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en")).header("x-should-retry")).isNull();
    }

    @Test
    void aScriptedRefusalAnswers200WithTheRefusalAndNoContentAndIsPaid() {
        long before = simulator.get("/sim/stats/openai/lyric-9").body().get("submissions").asLong();
        simulator.script("[{\"refusal\":true}]");

        var reply = simulator.chat(lyricRequest("lyric-9", "Mori Bakery", "en"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(reply.body().at("/choices/0/message/content").isNull()).isTrue();
        assertThat(reply.body().at("/choices/0/message/refusal").asText()).isNotBlank();
        assertThat(simulator.get("/sim/stats/openai/lyric-9").body().get("submissions").asLong() - before).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"length", "content_filter"})
    void aScriptedFinishReasonAnswers200WithThatReasonAndShorterLyrics(String finishReason) {
        var full = simulator.chat(lyricRequest("lyric-1", "Mori Bakery", "en")).content();
        simulator.script("[{\"finishReason\":\"" + finishReason + "\"}]");

        var reply = simulator.chat(lyricRequest("lyric-2", "Mori Bakery", "en"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/choices/0/finish_reason").asText()).isEqualTo(finishReason);
        assertThat(full).startsWith(reply.content()).isNotEqualTo(reply.content());
    }

    @Test
    void outcomesAreUsedOnePerRequestInTheOrderGivenThenRequestsSucceed() {
        simulator.script("[{\"status\":500}]");
        simulator.script("[{\"status\":503,\"code\":\"server_is_overloaded\"}]");

        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status()).isEqualTo(500);
        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status()).isEqualTo(503);
        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status()).isEqualTo(200);
    }

    @Test
    void showsThePendingOutcomesAndForgetsThemWhenDeleted() {
        var appended = simulator.script("[{\"status\":500},{\"latencyMs\":10}]");

        assertThat(appended.body().get("outcomes")).hasSize(2);
        assertThat(appended.body().at("/outcomes/0/status").asInt()).isEqualTo(500);
        assertThat(simulator.send("DELETE", "/sim/openai/script", null).status()).isEqualTo(204);
        assertThat(simulator.get("/sim/openai/script").body().get("outcomes")).isEmpty();
        assertThat(simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status()).isEqualTo(200);
    }

    @Test
    void aScriptedLatencyDelaysThatRequestOnly() {
        simulator.script("[{\"latencyMs\":400}]");

        var slow = timed(() -> simulator.chat(lyricRequest("lyric-1", "Mori", "en")).status());
        var next = timed(() -> simulator.chat(lyricRequest("lyric-2", "Mori", "en")).status());

        assertThat(slow).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(next).isLessThan(Duration.ofMillis(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\":200}", "{\"code\":\"made_up\"}", "{\"finishReason\":\"tool_calls\"}",
            "{\"latencyMs\":-1}", "{\"refusal\":true,\"status\":500}"})
    void refusesAnOutcomeItCannotPlay(String outcome) {
        assertThat(simulator.script("[" + outcome + "]").status()).isEqualTo(400);
        assertThat(simulator.get("/sim/openai/script").body().get("outcomes")).isEmpty();
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
