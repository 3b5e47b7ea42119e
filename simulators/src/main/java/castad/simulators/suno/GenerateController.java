package castad.simulators.suno;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import castad.simulators.fault.ConnectionDrop;
import castad.simulators.fault.DelayedReplies;
import castad.simulators.fault.Fault;
import castad.simulators.stats.PaidSubmissions;
import castad.simulators.stats.SubmissionLedger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * POST /api/v1/generate: check the request, take the next scripted outcome (or, without one, draw a
 * random fault), then refuse or accept; every accepted task is a paid submission keyed by the
 * {@code ref} of its callback URL. GET /api/v1/generate/record-info: the task as it stands now (or a
 * random fault). A slow answer is sent later from a timer thread.
 */
@RestController
class GenerateController {

    private static final int SERVER_ERROR = 500;
    private static final int CALL_FREQUENCY_TOO_HIGH = 430;

    private final SunoFaults faults;
    private final SunoTasks tasks;
    private final SubmissionLedger submissions;
    /** Submissions whose task ends refunded (531): taken, then given back, so not paid. */
    private final LongAdder refunded;
    private final DelayedReplies replies;
    private final ObjectMapper json;
    private final boolean statusMirrorsCode;

    GenerateController(SunoFaults faults, SunoTasks tasks, PaidSubmissions paid, DelayedReplies replies,
                       ObjectMapper json, SunoSettings settings) {
        this.faults = faults;
        this.tasks = tasks;
        this.submissions = paid.ledger("suno");
        this.refunded = submissions.counter("refunded");
        this.replies = replies;
        this.json = json;
        this.statusMirrorsCode = settings.httpStatusMirrorsCode();
    }

    @PostMapping("/api/v1/generate")
    DeferredResult<ResponseEntity<Object>> generate(@RequestBody(required = false) String body) {
        var request = GenerateRules.check(read(body));
        var scripted = faults.script().next();
        var fault = scripted.isPresent() ? Fault.NONE : faults.chaos().draw();
        var refused = refusal(fault);
        if (refused != null) {
            return now(refused);
        }
        var outcome = scripted.orElse(SunoOutcome.ACCEPT);
        if (outcome.refuses()) {
            return now(ResponseEntity.status(outcome.status()).body(outcome.error()));
        }
        var delivery = outcome.delivery().orElseGet(faults::callbacks);
        var task = tasks.submit(request, compact(body), baseUrl(), faults.timing(), outcome, delivery);
        submissions.record(request.ref());
        if (outcome.failure().filter(TaskStatus.REFUNDED::equals).isPresent()) {
            refunded.increment();
        }
        return answer(fault, ResponseEntity.ok(SunoReply.success(new SunoReply.TaskId(task.taskId()))));
    }

    @GetMapping("/api/v1/generate/record-info")
    DeferredResult<ResponseEntity<Object>> recordInfo(@RequestParam(required = false) String taskId) {
        var fault = faults.chaos().draw();
        var refused = refusal(fault);
        if (refused != null) {
            return now(refused);
        }
        if (taskId == null || taskId.isBlank()) {
            throw new SunoRejection(400, "taskId is required");
        }
        var info = tasks.record(taskId).map(SunoReply::success)
                .orElseThrow(() -> new SunoRejection(404, "Task not found: " + taskId));
        return answer(fault, ResponseEntity.ok(info));
    }

    /** What a drawn fault answers before the request is processed: an error, a rate limit, a drop, or nothing. */
    private ResponseEntity<Object> refusal(Fault fault) {
        if (fault.dropsBefore()) {
            throw new ConnectionDrop();
        }
        return switch (fault.kind()) {
            case ERROR -> ResponseEntity.status(statusMirrorsCode ? SERVER_ERROR : 200).body(SunoError.of(SERVER_ERROR));
            case RATE_LIMIT -> ResponseEntity.status(statusMirrorsCode ? CALL_FREQUENCY_TOO_HIGH : 200)
                    .headers(fault.retryAfterSeconds()).body(SunoError.of(CALL_FREQUENCY_TOO_HIGH));
            default -> null;
        };
    }

    /** The answer of a processed request: dropped after all, sent late, or sent now. */
    private DeferredResult<ResponseEntity<Object>> answer(Fault fault, ResponseEntity<Object> reply) {
        if (fault.dropsAfter()) {
            throw new ConnectionDrop();
        }
        return replies.after(fault.delay(), () -> reply);
    }

    private DeferredResult<ResponseEntity<Object>> now(ResponseEntity<Object> reply) {
        return replies.after(Duration.ZERO, () -> reply);
    }

    private GenerateRequest read(String body) {
        try {
            return json.readValue(body == null ? "" : body, GenerateRequest.class);
        } catch (JsonProcessingException e) {
            throw new SunoRejection(400, "The request body is not valid JSON.");
        }
    }

    /** The request as record-info's {@code param} shows it: the JSON as a string, without whitespace. */
    private String compact(String body) {
        try {
            return json.writeValueAsString(json.readTree(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
