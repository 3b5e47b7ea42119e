package castad.gateway.pipeline;

import castad.gateway.idempotency.IdempotentRequests;
import castad.gateway.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PipelineController {

    private final PipelineRuns pipelines;
    private final IdempotentRequests idempotency;

    PipelineController(PipelineRuns pipelines, IdempotentRequests idempotency) {
        this.pipelines = pipelines;
        this.idempotency = idempotency;
    }

    /** 202: lyric, then song, then video, each started by the completion of the one before. */
    @PostMapping("/api/v1/projects/{taskId}/pipeline")
    ResponseEntity<?> start(@AuthenticationPrincipal Caller caller, @PathVariable String taskId,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                            @Valid @RequestBody(required = false) PipelineOptions body) {
        return idempotency.run(caller, idempotencyKey, "POST /api/v1/projects/" + taskId + "/pipeline", body, () -> {
            long id = pipelines.start(caller, taskId, body == null ? PipelineOptions.NONE : body);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/projects/" + taskId))
                    .body(new Started(taskId, id, "running", "/api/v1/projects/" + taskId + "/events"));
        });
    }

    record Started(String taskId, long pipelineId, String status, String events) {
    }
}
