package castad.gateway.callback;

import castad.common.callback.CallbackSettings;
import castad.common.event.CreatomateCallback;
import castad.common.event.ProviderCallback;
import castad.common.event.Stage;
import castad.common.event.SunoCallback;
import castad.common.kafka.EventRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Provider webhooks: check the token of the URL we handed out, put the body on
 * {@code castad.provider.callbacks} for the worker that owns the stage, and answer at once. The body is not
 * interpreted here. If Kafka cannot take it, the provider gets a 503 and may try again; a lost webhook is
 * also covered by the workers' polling.
 */
@RestController
class CallbackController {

    private static final Logger log = LoggerFactory.getLogger(CallbackController.class);
    private static final long SEND_TIMEOUT_SECONDS = 5;

    private final CallbackSettings settings;
    private final JdbcClient jdbc;
    private final KafkaOperations<String, Object> kafka;

    CallbackController(CallbackSettings settings, JdbcClient jdbc, KafkaOperations<String, Object> kafka) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    @PostMapping("/api/v1/callbacks/suno")
    ResponseEntity<Map<String, String>> suno(@RequestParam String token, @RequestParam long ref,
                                             @RequestBody byte[] body) {
        return receive(token, Stage.SONG, ref, taskId -> new SunoCallback(taskId, ref, text(body)));
    }

    @PostMapping("/api/v1/callbacks/creatomate")
    ResponseEntity<Map<String, String>> creatomate(@RequestParam String token, @RequestParam long ref,
                                                   @RequestBody byte[] body) {
        return receive(token, Stage.VIDEO, ref, taskId -> new CreatomateCallback(taskId, ref, text(body)));
    }

    private ResponseEntity<Map<String, String>> receive(String token, Stage stage, long ref,
                                                        java.util.function.Function<String, ProviderCallback> callback) {
        checkToken(token);
        var taskId = jdbc.sql("SELECT p.task_id FROM " + stage.name().toLowerCase(java.util.Locale.ROOT)
                        + " s JOIN project p ON p.id = s.project_id WHERE s.id = ?")
                .param(ref).query(String.class).optional();
        if (taskId.isEmpty()) {
            log.warn("{} callback for unknown {} {}: ignored", stage, stage, ref);
            return ResponseEntity.ok(Map.of("status", "ignored"));
        }
        try {
            kafka.send(EventRecords.of(callback.apply(taskId.get()))).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Could not hand a {} callback to Kafka: {}", stage, e.getMessage());
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "The callback could not be recorded; please retry"), e);
        }
        return ResponseEntity.ok(Map.of("status", "received"));
    }

    private void checkToken(String token) {
        boolean valid = MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "Unknown callback token"), null);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
