package castad.simulators.openai;

import static castad.simulators.SimulatorHttp.lyricRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import castad.simulators.RunningSimulatorTest;

class LatencyTest extends RunningSimulatorTest {

    @Test
    void theLatencySetAtRunTimeDelaysEveryCompletion() {
        var set = simulator.send("PUT", "/sim/openai/latency", Map.of("latencyMs", 300));

        assertThat(set.body().get("latencyMs").asLong()).isEqualTo(300);
        assertThat(simulator.get("/sim/openai/latency").body().get("latencyMs").asLong()).isEqualTo(300);
        for (var user : new String[] {"lyric-1", "lyric-2"}) {
            long start = System.nanoTime();
            assertThat(simulator.chat(lyricRequest(user, "Mori", "en")).status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void refusesANegativeLatency() {
        assertThat(simulator.send("PUT", "/sim/openai/latency", Map.of("latencyMs", -5)).status()).isEqualTo(400);
        assertThat(simulator.get("/sim/openai/latency").body().get("latencyMs").asLong()).isZero();
    }
}
