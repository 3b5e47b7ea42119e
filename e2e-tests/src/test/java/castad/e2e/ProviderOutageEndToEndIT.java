package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castad.gateway.GatewayApplication;
import castad.lyric.LyricWorkerApplication;
import castad.song.SongWorkerApplication;
import castad.testsupport.TestSimulators;
import castad.video.VideoWorkerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.client.RestClient;

/**
 * A provider that goes down for a while: its circuit opens, its worker stops taking work, the work waits
 * pending (never failed, never lost) and is done, paid once, when the provider is back. Operators see it all
 * on /actuator/prometheus.
 */
class ProviderOutageEndToEndIT {

    private final Castad castad = new Castad();

    @AfterEach
    void clearScripts() {
        TestSimulators.delete("/sim/suno/script");
    }

    @Test
    void everyWorkerExportsItsProvidersCircuitBreakerRateLimiterBulkheadAndListenerPause() {
        Map<Class<?>, String> providers = Map.of(LyricWorkerApplication.class, "openai",
                SongWorkerApplication.class, "suno", VideoWorkerApplication.class, "creatomate");

        providers.forEach((service, provider) -> {
            List<String> metrics = prometheus(service);
            assertThat(metrics).as(provider)
                    .anyMatch(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                            && line.contains("name=\"" + provider + "\"") && line.contains("state=\"open\"")
                            && line.endsWith(" 0.0"))
                    .anyMatch(line -> line.startsWith("resilience4j_ratelimiter_available_permissions{")
                            && line.contains("name=\"" + provider + "\""))
                    .anyMatch(line -> line.startsWith("resilience4j_bulkhead_available_concurrent_calls{")
                            && line.contains("name=\"" + provider + "\""))
                    .anyMatch(line -> line.startsWith("resilience4j_retry_calls_total{")
                            && line.contains("name=\"" + provider + "\""))
                    .anyMatch(line -> line.startsWith("castad_listener_paused{") && line.contains(provider)
                            && line.endsWith(" 0.0"));
        });
    }

    @Test
    void whileSunoIsDownSongsWaitPendingAndAreSungOncePaidOnceWhenItIsBack() {
        CircuitBreaker suno = RunningCastad.bean(SongWorkerApplication.class, CircuitBreakerRegistry.class)
                .circuitBreaker("suno");
        suno.reset(); // only this test's calls count
        TestSimulators.post("/sim/suno/script", "{\"outcomes\":[" + "{\"httpStatus\":500},".repeat(5)
                + "{\"httpStatus\":500}]}");

        String interrupted = castad.projectWithPhotos("Outage Records", "en", 1);
        castad.post(interrupted, "pipeline", null);
        // four calls, all 500: the song is handed back for a later try; two more 500s on that try open the
        // circuit (six calls, all failed), and the next call is refused
        await().atMost(Duration.ofSeconds(60)).until(() -> suno.getState() == CircuitBreaker.State.OPEN);
        String meanwhile = castad.projectWithPhotos("Outage Guitars", "ko", 1);
        castad.post(meanwhile, "pipeline", null);

        await("both songs wait pending while Suno's circuit is open").atMost(Duration.ofSeconds(4))
                .until(() -> List.of(interrupted, meanwhile).stream()
                        .allMatch(task -> "pending".equals(castad.task(task).path("song").path("status").asText())));
        assertThat(suno.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(RunningCastad.bean(SongWorkerApplication.class, KafkaListenerEndpointRegistry.class)
                .getListenerContainer("song-requests").isPauseRequested()).isTrue();
        assertThat(prometheus(SongWorkerApplication.class)).anyMatch(line ->
                line.startsWith("resilience4j_circuitbreaker_state{") && line.contains("name=\"suno\"")
                        && line.contains("state=\"open\"") && line.endsWith(" 1.0"));

        for (String task : List.of(interrupted, meanwhile)) {
            JsonNode done = castad.awaitTask(task, Castad::pipelineEnded, Duration.ofSeconds(60));
            assertThat(done.get("pipeline").get("status").asText()).as(done.toString()).isEqualTo("completed");
            long song = done.get("song").get("id").asLong();
            assertThat(TestSimulators.submissions("suno", String.valueOf(song))).isEqualTo(1);
            assertThat(attempts(song)).isEqualTo(1);
        }
        assertThat(RunningCastad.bean(SongWorkerApplication.class, KafkaListenerEndpointRegistry.class)
                .getListenerContainer("song-requests").isPauseRequested()).isFalse();
    }

    private static long attempts(long songId) {
        return RunningCastad.bean(GatewayApplication.class, JdbcClient.class)
                .sql("SELECT attempts FROM song WHERE id = ?").param(songId).query(Long.class).single();
    }

    private static List<String> prometheus(Class<?> service) {
        return RestClient.create(RunningCastad.url(service)).get().uri("/actuator/prometheus").retrieve()
                .body(String.class).lines().toList();
    }
}
