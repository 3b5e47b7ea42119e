package castad.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chaos settings of every provider: shown, changed, refused when invalid, reset; and their counts. */
class ChaosControlTest extends RunningSimulatorTest {

    private static final List<String> PROVIDERS = List.of("openai", "suno", "creatomate", "media");

    @Test
    void everyProviderStartsWithoutChaos() {
        for (var provider : PROVIDERS) {
            var chaos = simulator.get("/sim/" + provider + "/chaos").body();

            assertThat(chaos.fieldNames()).toIterable().containsExactly("errorRate", "rateLimitRate", "slowRate", "slowMs",
                    "dropRate", "dropAfterAccept", "retryAfter", "seed");
            assertThat(chaos.get("errorRate").asDouble()).isZero();
            assertThat(chaos.get("rateLimitRate").asDouble()).isZero();
            assertThat(chaos.get("slowRate").asDouble()).isZero();
            assertThat(chaos.get("dropRate").asDouble()).isZero();
            assertThat(chaos.get("slowMs").asLong()).isEqualTo(5000);
            assertThat(chaos.get("dropAfterAccept").asBoolean()).isFalse();
            assertThat(chaos.get("retryAfter").asText()).isEqualTo("present");
            assertThat(chaos.get("seed").isNumber()).isTrue();
        }
    }

    @Test
    void answersAndShowsTheSettingsInEffect() {
        var set = simulator.chaos("suno", Map.of("errorRate", 0.2, "rateLimitRate", 0.1, "slowRate", 0.05,
                "slowMs", 700, "dropRate", 0.05, "dropAfterAccept", true, "retryAfter", "random", "seed", 123));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().toString()).isEqualTo("{\"errorRate\":0.2,\"rateLimitRate\":0.1,\"slowRate\":0.05,"
                + "\"slowMs\":700,\"dropRate\":0.05,\"dropAfterAccept\":true,\"retryAfter\":\"random\",\"seed\":123}");
        assertThat(simulator.get("/sim/suno/chaos").body()).isEqualTo(set.body());
        assertThat(simulator.get("/sim/openai/chaos").body().get("errorRate").asDouble()).isZero();
    }

    @Test
    void fillsInWhatTheBodyLeavesOutAndChoosesASeed() {
        var set = simulator.chaos("openai", Map.of("errorRate", 0.5));

        assertThat(set.body().get("slowMs").asLong()).isEqualTo(5000);
        assertThat(set.body().get("retryAfter").asText()).isEqualTo("present");
        assertThat(set.body().get("seed").isNumber()).isTrue();
    }

    @Test
    void deleteStopsEveryFault() {
        simulator.chaos("creatomate", Map.of("errorRate", 1.0, "seed", 1));
        assertThat(simulator.authorized("GET", "/v1/templates", null).status()).isEqualTo(500);

        assertThat(simulator.send("DELETE", "/sim/creatomate/chaos", null).status()).isEqualTo(204);

        var chaos = simulator.get("/sim/creatomate/chaos").body();
        assertThat(chaos.get("errorRate").asDouble()).isZero();
        assertThat(chaos.get("dropRate").asDouble()).isZero();
        assertThat(simulator.authorized("GET", "/v1/templates", null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"errorRate\":1.5}", "{\"dropRate\":-0.1}", "{\"errorRate\":0.6,\"dropRate\":0.6}",
            "{\"slowRate\":0.5,\"slowMs\":-1}", "{\"retryAfter\":\"sometimes\"}", "not json"})
    void refusesSettingsItCannotPlay(String body) {
        simulator.chaos("openai", Map.of("errorRate", 0.1, "seed", 9));

        assertThat(simulator.send("PUT", "/sim/openai/chaos", SimulatorHttp.raw(body)).status()).isEqualTo(400);
        assertThat(simulator.get("/sim/openai/chaos").body().get("errorRate").asDouble()).isEqualTo(0.1);
    }

    @Test
    void countsInjectedFaultsPerProviderBesideTheSubmissionsAndResetsThemWithTheStats() {
        simulator.chaos("creatomate", Map.of("errorRate", 1.0, "seed", 1));
        simulator.authorized("GET", "/v1/templates", null);
        simulator.authorized("GET", "/v1/templates/castad-default", null);

        var stats = simulator.get("/sim/stats").body();
        for (var provider : PROVIDERS) {
            assertThat(stats.at("/" + provider + "/faults").fieldNames()).toIterable()
                    .containsExactly("errors", "rateLimited", "slow", "dropped");
        }
        assertThat(stats.at("/creatomate/faults/errors").asLong()).isEqualTo(2);
        assertThat(stats.at("/creatomate/templateFetches").asLong()).isZero();
        assertThat(stats.at("/openai/faults/errors").asLong()).isZero();
        assertThat(stats.at("/media/submissions").asLong()).isZero();
        simulator.send("DELETE", "/sim/stats", null);
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/faults/errors").asLong()).isZero();
    }

    @Test
    void aDroppedConnectionSendsNoByteAtAll() {
        simulator.chaos("creatomate", Map.of("dropRate", 1.0, "seed", 1));

        var received = simulator.rawExchange("GET /v1/templates HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + SimulatorHttp.KEY + "\r\n\r\n");

        assertThat(received).isEmpty();
        assertThat(simulator.get("/sim/stats").body().at("/creatomate/faults/dropped").asLong()).isEqualTo(1);
    }
}
