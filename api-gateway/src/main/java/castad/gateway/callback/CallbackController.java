package castad.gateway.callback;

import castad.common.event.CreatomateCallback;
import castad.common.event.ProviderCallback;
import castad.common.event.Stage;
import castad.common.event.SunoCallback;
import castad.common.kafka.EventRecords;
import castad.common.tracing.TaskTraces;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provider webhooks, their token already checked ({@link CallbackTokens}): the body must name the provider's
 * id that castad stored for the row, or nothing is passed on (a token leaked with one URL cannot complete a
 * stage with somebody else's file). The body goes on {@code castad.provider.callbacks} for the worker that
 * owns the stage, uninterpreted beyond that id, and the provider gets its answer at once. If Kafka cannot
 * take it, the provider gets a 503 and may try again; a lost webhook is also covered by the workers' polling,
 * which a webhook that came before its id was stored brings forward ({@link #notedEarly}).
 */
@RestController
class CallbackController {

    private static final Logger log = LoggerFactory.getLogger(CallbackController.class);
    private static final long SEND_TIMEOUT_SECONDS = 5;
    private static final Set<String> PROGRESS_ONLY = Set.of("text", "first");

    private final JdbcClient jdbc;
    private final KafkaOperations<String, Object> kafka;
    private final ObjectMapper json;
    private final TaskTraces traces;
    private final Clock clock;

    CallbackController(JdbcClient jdbc, KafkaOperations<String, Object> kafka, ObjectMapper json, TaskTraces traces,
                       Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.json = json;
        this.traces = traces;
        this.clock = clock;
    }

    /**
     * Suno's {@code text} and {@code first} callbacks say only that the song is on its way: song-worker acts on
     * {@code complete} and {@code error} alone, so the progress ones are answered and go no further (no look-up,
     * no record).
     */
    @PostMapping("/api/v1/callbacks/suno")
    ResponseEntity<Map<String, String>> suno(@RequestParam long ref, @RequestBody byte[] body) {
        String text = text(body);
        JsonNode callback = read(text);
        if (progressOnly(callback)) {
            return ResponseEntity.ok(Map.of("status", "received"));
        }
        return receive(Stage.SONG, ref, callback.path("data").path("task_id").asText(""),
                taskId -> new SunoCallback(taskId, ref, text));
    }

    private static boolean progressOnly(JsonNode callback) {
        String type = callback.path("data").path("callbackType").asText("");
        return callback.path("code").asInt(200) == 200 && PROGRESS_ONLY.contains(type);
    }

    @PostMapping("/api/v1/callbacks/creatomate")
    ResponseEntity<Map<String, String>> creatomate(@RequestParam long ref, @RequestBody byte[] body) {
        String text = text(body);
        return receive(Stage.VIDEO, ref, read(text).path("id").asText(""),
                taskId -> new CreatomateCallback(taskId, ref, text));
    }

    private ResponseEntity<Map<String, String>> receive(Stage stage, long ref, String providerId,
                                                        Function<String, ProviderCallback> callback) {
        Optional<String> awaited = awaitedTask(stage, ref, providerId);
        if (awaited.isEmpty()) {
            if (notedEarly(stage, ref)) {
                return ResponseEntity.accepted().body(Map.of("status", "noted"));
            }
            awaited = awaitedTask(stage, ref, providerId); // the id may have been stored between the two
        }
        String taskId = awaited.orElseThrow(() -> notAwaited(stage, ref));
        try {
            // the webhook continues the pipeline's trace, not one of its own
            kafka.send(EventRecords.of(callback.apply(taskId), traces.forTask(taskId))).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Could not hand a {} callback to Kafka: {}", stage, e.getMessage());
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "The callback could not be recorded; please retry", e);
        }
        return ResponseEntity.ok(Map.of("status", "received"));
    }

    private Optional<String> awaitedTask(Stage stage, long ref, String providerId) {
        return jdbc.sql("SELECT p.task_id FROM " + table(stage) + " s JOIN project p ON p.id = s.project_id"
                        + " WHERE s.id = ? AND s.external_id = ? AND s.status = 'processing'")
                .params(ref, providerId).query(String.class).optional();
    }

    /**
     * A fast provider's webhook can come while the worker that submitted is still storing the provider's id: the id
     * cannot be checked yet, so nothing of the body is used, but the attempt is polled as soon as the id is stored
     * ({@code next_poll_at} now, which the store keeps) instead of after the first poll's delay (15-30 s).
     */
    private boolean notedEarly(Stage stage, long ref) {
        boolean noted = jdbc.sql("UPDATE " + table(stage) + " SET next_poll_at = ?"
                        + " WHERE id = ? AND status = 'processing' AND external_id IS NULL")
                .params(clock.instant(), ref).update() == 1;
        if (noted) {
            log.info("{} webhook for {} {} came before its provider id was stored: polled once it is", stage, stage,
                    ref);
        }
        return noted;
    }

    private static String table(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    private static ErrorResponseException notAwaited(Stage stage, long ref) {
        log.warn("{} webhook for {} {} names another provider id than the stored one (or none): refused",
                stage, stage, ref);
        return problem(HttpStatus.NOT_FOUND, "No " + stage.name().toLowerCase(Locale.ROOT)
                + " with this ref awaits a webhook about this provider id (unknown, another id, or already ended)", null);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw problem(HttpStatus.BAD_REQUEST, "The webhook body is not valid JSON", null);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail, Throwable cause) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
