package castad.simulators;

import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A simulator configured with one accepted key and an enforced limit of two requests a minute. */
class ConfiguredLimitsTest {

    private static ConfigurableApplicationContext app;
    private static SimulatorHttp simulator;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--castad.simulators.openai.api-key=" + SimulatorHttp.KEY,
                "--castad.simulators.openai.requests-per-minute=2",
                "--castad.simulators.openai.enforce-rate-limit=true");
        simulator = new SimulatorHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void refusesAnyOtherKeyAsAnInvalidApiKey() {
        var reply = simulator.send("POST", "/v1/chat/completions", lyricRequest("lyric-1", "Mori", "en"),
                "Authorization", "Bearer sk-wrong-key-123456");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(reply.body().at("/error/message").asText()).doesNotContain("sk-wrong-key-123456");
    }

    @Test
    void answers429RateLimitExceededOnceTheMinutesRequestsAreUsedUp() {
        var first = simulator.chat(lyricRequest("lyric-1", "Mori", "en"));
        var second = simulator.chat(lyricRequest("lyric-2", "Mori", "en"));
        var third = simulator.chat(lyricRequest("lyric-3", "Mori", "en"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("x-ratelimit-remaining-requests")).isEqualTo("1");
        assertThat(second.header("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body().at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(Long.parseLong(third.header("retry-after-ms"))).isPositive();
        assertThat(third.header("retry-after")).isNotNull();
        assertThat(simulator.get("/sim/stats/openai/lyric-3").body().get("submissions").asLong()).isZero();
    }
}
