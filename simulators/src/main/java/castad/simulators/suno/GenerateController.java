package castad.simulators.suno;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import castad.simulators.stats.PaidSubmissions;
import castad.simulators.stats.SubmissionLedger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * POST /api/v1/generate: check the request, take the next scripted outcome, then refuse or accept;
 * every accepted task is a paid submission keyed by the {@code ref} of its callback URL.
 * GET /api/v1/generate/record-info: the task as it stands now.
 */
@RestController
class GenerateController {

    private final SunoFaults faults;
    private final SunoTasks tasks;
    private final SubmissionLedger submissions;
    private final ObjectMapper json;

    GenerateController(SunoFaults faults, SunoTasks tasks, PaidSubmissions paid, ObjectMapper json) {
        this.faults = faults;
        this.tasks = tasks;
        this.submissions = paid.ledger("suno");
        this.json = json;
    }

    @PostMapping("/api/v1/generate")
    ResponseEntity<Object> generate(@RequestBody(required = false) String body) {
        var request = GenerateRules.check(read(body));
        var outcome = faults.script().next().orElse(SunoOutcome.ACCEPT);
        if (outcome.refuses()) {
            return ResponseEntity.status(outcome.status()).body(outcome.error());
        }
        var delivery = outcome.delivery().orElseGet(faults::callbacks);
        var task = tasks.submit(request, compact(body), baseUrl(), faults.timing(), outcome, delivery);
        submissions.record(request.ref());
        return ResponseEntity.ok(SunoReply.success(new SunoReply.TaskId(task.taskId())));
    }

    @GetMapping("/api/v1/generate/record-info")
    SunoReply<RecordInfo> recordInfo(@RequestParam(required = false) String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new SunoRejection(400, "taskId is required");
        }
        return tasks.record(taskId).map(SunoReply::success)
                .orElseThrow(() -> new SunoRejection(404, "Task not found: " + taskId));
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
