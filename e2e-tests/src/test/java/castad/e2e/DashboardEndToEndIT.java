package castad.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import castad.blob.BlobWorkerApplication;
import castad.gateway.GatewayApplication;
import castad.lyric.LyricWorkerApplication;
import castad.song.SongWorkerApplication;
import castad.video.VideoWorkerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Grafana dashboard's queries name metrics that castad's services expose after a pipeline ran. */
class DashboardEndToEndIT {

    /** Appears with a stage's first failure: StageMetricsTest shows its name and labels. */
    private static final Set<String> ON_FIRST_FAILURE = Set.of("castad_stage_failed_total");
    private static final Pattern METRIC = Pattern.compile("\\b((?:castad|kafka|http)_[a-z_]+)\\b");

    private final Castad castad = new Castad();

    @Test
    void everyMetricTheDashboardQueriesIsExposedAfterAPipeline() throws Exception {
        String task = castad.projectWithPhotos("Dashboard Deli", "en", 1);
        castad.post(task, "pipeline", null);
        castad.awaitTask(task, Castad::pipelineEnded, Duration.ofSeconds(120));

        Set<String> queried = queried();
        Set<String> exposed = exposed();
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        missing.removeAll(ON_FIRST_FAILURE);

        assertThat(queried).as("the dashboard's metrics").hasSizeGreaterThanOrEqualTo(9)
                .contains("castad_stage_started_total", "castad_stage_duration_seconds_bucket",
                        "castad_stage_in_flight", "castad_outbox_backlog",
                        "kafka_consumer_fetch_manager_records_lag_max");
        assertThat(missing).as("queried by the dashboard, exposed by no service").isEmpty();
    }

    private static Set<String> queried() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(
                Path.of("..", "deploy", "grafana", "dashboards", "castad.json")));
        Set<String> names = new HashSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                METRIC.matcher(target.path("expr").asText()).results().forEach(m -> names.add(m.group(1)))));
        return names;
    }

    private static Set<String> exposed() {
        Set<String> names = new HashSet<>();
        for (Class<?> service : List.of(GatewayApplication.class, LyricWorkerApplication.class,
                SongWorkerApplication.class, VideoWorkerApplication.class, BlobWorkerApplication.class)) {
            String scrape = RestClient.create().get().uri(RunningCastad.url(service) + "/actuator/prometheus")
                    .retrieve().body(String.class);
            scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        }
        return names;
    }
}
