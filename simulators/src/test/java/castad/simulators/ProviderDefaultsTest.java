package castad.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The simulators started as other modules' tests start them, with no setting at all: the records' defaults. */
class ProviderDefaultsTest {

    private static ConfigurableApplicationContext app;
    private static SimulatorHttp simulator;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(SimulatorsApplication.class)
                .run("--server.port=0", "--spring.config.name=simulators-in-tests");
        simulator = new SimulatorHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void usesTheDefaultsOfTheSettingsRecords() {
        assertThat(simulator.get("/sim/suno/timing").body().toString())
                .isEqualTo("{\"textAfterMs\":200,\"firstAfterMs\":400,\"completeAfterMs\":600}");
        assertThat(simulator.get("/sim/suno/callbacks").body().get("callbacks").asText()).isEqualTo("normal");
        assertThat(simulator.get("/sim/creatomate/timing").body().toString()).isEqualTo(
                "{\"waitingAfterMs\":100,\"transcribingAfterMs\":200,\"renderingAfterMs\":400,\"finishedAfterMs\":800}");
        assertThat(simulator.get("/sim/creatomate/webhooks").body().get("webhooks").asText()).isEqualTo("normal");
        assertThat(simulator.authorized("GET", "/v1/templates/castad-default", null).body().at("/source/elements"))
                .hasSize(5 + 3);
        assertThat(simulator.get("/sim/media").body().at("/video/servedBytes").asLong()).isEqualTo(60_800);
        for (var provider : new String[] {"openai", "suno", "creatomate", "media"}) {
            var chaos = simulator.get("/sim/" + provider + "/chaos").body();
            assertThat(chaos.get("errorRate").asDouble() + chaos.get("rateLimitRate").asDouble()
                    + chaos.get("slowRate").asDouble() + chaos.get("dropRate").asDouble()).isZero();
        }
    }
}
