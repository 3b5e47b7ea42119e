package castad.simulators;

import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the simulators as other modules' tests do: in-process, on a free port, configured by arguments. */
class InProcessStartTest {

    private static ConfigurableApplicationContext app;
    private static SimulatorHttp simulator;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--server.tomcat.threads.max=1", "--server.tomcat.threads.min-spare=1",
                "--castad.simulators.openai.latency=500ms");
        simulator = new SimulatorHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void reportsItselfHealthy() {
        var health = simulator.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void waitsTheConfiguredLatencyWithoutHoldingItsOnlyServletThread() {
        long start = System.nanoTime();

        var replies = IntStream.range(0, 5)
                .mapToObj(i -> simulator.chatAsync(lyricRequest("lyric-" + i, "Mori", "en")))
                .toList();

        await().atMost(Duration.ofMillis(1_800))
                .until(() -> replies.stream().allMatch(CompletableFuture::isDone));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(replies).allSatisfy(reply -> assertThat(reply.join().status()).isEqualTo(200));
    }

    @Test
    void answersSlowlyByChaosWithoutHoldingItsOnlyServletThread() {
        simulator.chaos("creatomate", Map.of("slowRate", 1.0, "slowMs", 500, "seed", 1));
        try {
            var replies = IntStream.range(0, 5)
                    .mapToObj(i -> simulator.sendAsync("GET", "/v1/templates", null, "Authorization", "Bearer " + SimulatorHttp.KEY))
                    .toList();

            await().atMost(Duration.ofMillis(1_800)).until(() -> replies.stream().allMatch(CompletableFuture::isDone));
            assertThat(replies).allSatisfy(reply -> assertThat(reply.join().status()).isEqualTo(200));
        } finally {
            simulator.send("DELETE", "/sim/creatomate/chaos", null);
        }
    }
}
