package castad.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The Suno, Creatomate and media settings, each changed from its default. */
class ConfiguredProvidersTest {

    private static ConfigurableApplicationContext app;
    private static SimulatorHttp simulator;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--spring.config.name=simulators-in-tests",
                "--castad.simulators.suno.api-key=" + SimulatorHttp.KEY,
                "--castad.simulators.suno.http-status-mirrors-code=false",
                "--castad.simulators.suno.callbacks=duplicate",
                "--castad.simulators.suno.text-after=10ms",
                "--castad.simulators.suno.first-after=20ms",
                "--castad.simulators.suno.complete-after=30ms",
                "--castad.simulators.suno.retention=2s",
                "--castad.simulators.creatomate.api-key=" + SimulatorHttp.KEY,
                "--castad.simulators.creatomate.photo-slots=3",
                "--castad.simulators.creatomate.template-ids=promo,winter",
                "--castad.simulators.creatomate.webhooks=drop",
                "--castad.simulators.creatomate.finished-after=0ms",
                "--castad.simulators.creatomate.rendering-after=0ms",
                "--castad.simulators.creatomate.transcribing-after=0ms",
                "--castad.simulators.creatomate.waiting-after=0ms",
                "--castad.simulators.creatomate.retention=300ms",
                "--castad.simulators.media.pad-to-bytes=100000",
                "--castad.simulators.suno.chaos.seed=42",
                "--castad.simulators.suno.chaos.slow-ms=1234",
                "--castad.simulators.suno.chaos.retry-after=random",
                "--castad.simulators.creatomate.chaos.drop-after-accept=true",
                "--castad.simulators.media.chaos.slow-ms=50");
        simulator = new SimulatorHttp(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void refusesAnyOtherKey() {
        var suno = simulator.send("POST", "/api/v1/generate", Map.of(), "Authorization", "Bearer sk-other");
        var creatomate = simulator.send("GET", "/v1/templates", null, "Authorization", "Bearer sk-other");

        assertThat(suno.status()).isEqualTo(401);
        assertThat(suno.body().get("code").asInt()).isEqualTo(401);
        assertThat(creatomate.status()).isEqualTo(401);
        assertThat(creatomate.body().get("hint").asText()).isNotBlank();
    }

    @Test
    void answersSunoRequestErrorsWithHttp200WhenTheStatusDoesNotMirrorTheCode() {
        var reply = simulator.authorized("POST", "/api/v1/generate", Map.of("customMode", true));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("code").asInt()).isEqualTo(422);
    }

    @Test
    void answersASunoChaosErrorWithHttp200AndCode500WhenTheStatusDoesNotMirrorTheCode() {
        var configured = simulator.get("/sim/suno/chaos").body();
        try {
            simulator.send("PUT", "/sim/suno/chaos", Map.of("errorRate", 0.5, "rateLimitRate", 0.5, "seed", 1));
            var codes = new HashSet<Integer>();
            for (int i = 0; i < 8; i++) {
                var reply = simulator.authorized("GET", "/api/v1/generate/record-info?taskId=nope", null);
                assertThat(reply.status()).isEqualTo(200);
                codes.add(reply.body().get("code").asInt());
            }
            assertThat(codes).containsExactlyInAnyOrder(500, 430);
        } finally {
            simulator.send("PUT", "/sim/suno/chaos", SimulatorHttp.raw(configured.toString()));
        }
    }

    @Test
    void bindsTheConfiguredChaosSettings() {
        var suno = simulator.get("/sim/suno/chaos").body();
        assertThat(suno.get("seed").asLong()).isEqualTo(42);
        assertThat(suno.get("slowMs").asLong()).isEqualTo(1234);
        assertThat(suno.get("retryAfter").asText()).isEqualTo("random");
        assertThat(suno.get("errorRate").asDouble()).isZero();
        assertThat(simulator.get("/sim/creatomate/chaos").body().get("dropAfterAccept").asBoolean()).isTrue();
        assertThat(simulator.get("/sim/media/chaos").body().get("slowMs").asLong()).isEqualTo(50);
    }

    @Test
    void sendsEverySunoCallbackTwiceByDefault() {
        try (var inbox = new CallbackInbox()) {
            simulator.authorized("POST", "/api/v1/generate", Map.of("customMode", true, "instrumental", true,
                    "model", "V5", "style", "lo-fi", "title", "Calm", "callBackUrl", inbox.url("/cb?ref=1")));

            await().atMost(Duration.ofSeconds(5)).until(() -> inbox.received().size() == 6);
            assertThat(inbox.callbackTypes()).containsExactly("text", "text", "first", "first", "complete", "complete");
        }
    }

    @Test
    void servesTheListedTemplatesWithTheConfiguredPhotoSlots() {
        var ids = simulator.authorized("GET", "/v1/templates", null).body().findValuesAsText("id");
        var promo = simulator.authorized("GET", "/v1/templates/promo", null).body();

        assertThat(ids).containsExactly("castad-default", "promo", "winter", "castad-nested", "castad-no-music");
        assertThat(promo.at("/source/elements").findValuesAsText("name"))
                .containsExactly("Photo-1", "Photo-2", "Photo-3", "Title", "Lyrics", "Music");
    }

    @Test
    void padsEveryFileToTheConfiguredSizeAndReportsItAsTheRendersFileSize() {
        try (var inbox = new CallbackInbox()) {
            var request = new LinkedHashMap<String, Object>(Map.of("template_id", "promo"));
            request.put("webhook_url", inbox.url("/wh"));
            var url = simulator.authorized("POST", "/v1/renders", request).body().at("/0/url").asText();
            var id = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);

            var render = simulator.authorized("GET", "/v1/renders/" + id, null).body();
            assertThat(render.get("status").asText()).isEqualTo("succeeded");
            assertThat(render.get("file_size").asLong()).isEqualTo(100_000);
            assertThat(simulator.download(url).body()).hasSize(100_000);
            assertThat(simulator.download("/media/songs/x-1.mp3").body()).hasSize(100_000);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> inbox.received().isEmpty());
        }
    }

    @Test
    void forgetsARenderAfterItsRetentionAsAnExpiredOne() {
        var url = simulator.authorized("POST", "/v1/renders", Map.of("template_id", "castad-default")).body()
                .at("/0/url").asText();
        var id = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        assertThat(simulator.download(url).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(3)).until(() -> simulator.download(url).status() == 404);
        assertThat(simulator.authorized("GET", "/v1/renders/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void refusesToStartWithStepsOutOfOrderAPaddingSmallerThanTheFilesOrImpossibleChaos() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--spring.config.name=simulators-in-tests", "--castad.simulators.suno.text-after=900ms"))
                .hasStackTraceContaining("text-after <= first-after");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--spring.config.name=simulators-in-tests", "--castad.simulators.media.pad-to-bytes=10"))
                .hasStackTraceContaining("castad.simulators.media.pad-to-bytes");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--spring.config.name=simulators-in-tests", "--castad.simulators.openai.chaos.error-rate=0.7",
                "--castad.simulators.openai.chaos.drop-rate=0.7"))
                .hasStackTraceContaining("must not exceed 1");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SimulatorsApplication.class).run("--server.port=0",
                "--spring.config.name=simulators-in-tests", "--castad.simulators.media.chaos.error-rate=0.1"))
                .hasStackTraceContaining("castad.simulators.media.chaos takes only slow-rate and drop-rate");
    }
}
