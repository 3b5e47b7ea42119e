package castad.gateway.pipeline;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PipelineController {

    private final PipelineRuns pipelines;

    PipelineController(PipelineRuns pipelines) {
        this.pipelines = pipelines;
    }

    /** 202: lyric, then song, then video, each started by the completion of the one before. */
    @PostMapping("/api/v1/projects/{taskId}/pipeline")
    ResponseEntity<Started> start(@PathVariable String taskId,
                                  @Valid @RequestBody(required = false) PipelineOptions body) {
        long id = pipelines.start(taskId, body == null ? PipelineOptions.NONE : body);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/projects/" + taskId))
                .body(new Started(taskId, id, "running", "/api/v1/projects/" + taskId + "/events"));
    }

    record Started(String taskId, long pipelineId, String status, String events) {
    }
}
