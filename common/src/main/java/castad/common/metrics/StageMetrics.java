package castad.common.metrics;

import castad.common.event.CastadEvent;
import castad.common.event.Stage;
import castad.common.event.StageCompleted;
import castad.common.event.StageFailed;
import castad.common.event.StageStarted;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-stage metrics, named for dashboards (deploy/grafana): {@code castad.stage.started}, {@code .completed},
 * {@code .failed} (by {@code error_code}) and {@code .duration} (started to completed or failed), counted by the
 * service that makes the transition, once its transaction committed; {@code castad.stage.in.flight} from the
 * stage's own table.
 *
 * <p>A duration is measured by the instance that started the stage; one that another instance ends (several
 * replicas of a waiting stage, or a restart in between) is counted but not timed.
 */
public class StageMetrics {

    private static final int STARTS_KEPT = 100_000;

    private final MeterRegistry registry;
    private final Cache<String, Instant> starts = Caffeine.newBuilder()
            .maximumSize(STARTS_KEPT)
            .expireAfterWrite(Duration.ofHours(6))
            .build();

    public StageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An event that committed at {@code at}; anything but a stage's start or end is not counted here. */
    public void announced(CastadEvent event, Instant at) {
        if (event instanceof StageStarted started) {
            counter("castad.stage.started", started.stage()).increment();
            starts.put(key(started.stage(), started.stageId()), at);
        } else if (event instanceof StageCompleted completed) {
            counter("castad.stage.completed", completed.stage()).increment();
            time(completed.stage(), completed.stageId(), "completed", at);
        } else if (event instanceof StageFailed failed) {
            Counter.builder("castad.stage.failed").tag("stage", name(failed.stage()))
                    .tag("error_code", failed.errorCode()).register(registry).increment();
            time(failed.stage(), failed.stageId(), "failed", at);
        }
    }

    /** The stage's rows not yet ended (pending or processing), read from its table at each scrape. */
    public static Gauge inFlight(Stage stage, JdbcClient jdbc, MeterRegistry registry) {
        String table = name(stage);  // from the enum, never from input
        return Gauge.builder("castad.stage.in.flight", jdbc, db -> db.sql("SELECT COUNT(*) FROM " + table
                        + " WHERE status IN ('pending', 'processing')").query(Long.class).single())
                .tag("stage", table)
                .description("stages started and not yet ended")
                .register(registry);
    }

    private void time(Stage stage, long stageId, String outcome, Instant at) {
        Instant started = starts.asMap().remove(key(stage, stageId));
        if (started != null) {
            Timer.builder("castad.stage.duration").tag("stage", name(stage)).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofMinutes(30))
                    .register(registry).record(Duration.between(started, at));
        }
    }

    private Counter counter(String name, Stage stage) {
        return Counter.builder(name).tag("stage", name(stage)).register(registry);
    }

    private static String key(Stage stage, long stageId) {
        return stage.name() + '/' + stageId;
    }

    private static String name(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
