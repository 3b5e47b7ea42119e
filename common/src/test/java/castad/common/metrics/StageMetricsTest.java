package castad.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import castad.common.event.LyricRequested;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageFailed;
import castad.common.event.StageStarted;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The names and labels deploy/grafana/dashboards/castad.json queries, as Prometheus scrapes them. */
class StageMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StageMetrics metrics = new StageMetrics(registry);

    @Test
    void aStageThatStartedAndEndedHereIsCountedAndTimed() {
        metrics.announced(new StageStarted("task-1", Stage.SONG, 7), T0);
        metrics.announced(new StageCompleted("task-1", Stage.SONG, 7, "https://blob/song.mp3"), T0.plusSeconds(2));

        assertThat(registry.scrape())
                .contains("castad_stage_started_total{stage=\"song\"} 1.0")
                .contains("castad_stage_completed_total{stage=\"song\"} 1.0")
                .contains("castad_stage_duration_seconds_count{outcome=\"completed\",stage=\"song\"} 1")
                .contains("castad_stage_duration_seconds_sum{outcome=\"completed\",stage=\"song\"} 2.0")
                .contains("castad_stage_duration_seconds_bucket{outcome=\"completed\",stage=\"song\",le=");
    }

    @Test
    void aFailureIsCountedByItsErrorCode() {
        metrics.announced(new StageStarted("task-1", Stage.VIDEO, 3), T0);
        metrics.announced(new StageFailed("task-1", Stage.VIDEO, 3, "RENDER_FAILED", "no"), T0.plusMillis(500));

        assertThat(registry.scrape())
                .contains("castad_stage_failed_total{error_code=\"RENDER_FAILED\",stage=\"video\"} 1.0")
                .contains("castad_stage_duration_seconds_sum{outcome=\"failed\",stage=\"video\"} 0.5");
    }

    @Test
    void anEndThisInstanceDidNotSeeStartIsCountedButNotTimed() {
        metrics.announced(new StageCompleted("task-2", Stage.LYRIC, 9, null), T0);
        metrics.announced(new LyricRequested("task-2", 9), T0);

        assertThat(registry.scrape()).contains("castad_stage_completed_total{stage=\"lyric\"} 1.0")
                .doesNotContain("castad_stage_duration").doesNotContain("castad_stage_started");
    }
}
