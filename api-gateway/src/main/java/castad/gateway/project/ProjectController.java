package castad.gateway.project;

import castad.gateway.idempotency.IdempotentRequests;
import castad.gateway.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectController {

    private final Projects projects;
    private final IdempotentRequests idempotency;

    ProjectController(Projects projects, IdempotentRequests idempotency) {
        this.projects = projects;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/projects")
    ResponseEntity<?> create(@AuthenticationPrincipal Caller caller,
                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @Valid @RequestBody CreateProjectRequest request) {
        return idempotency.run(caller, idempotencyKey, "POST /api/v1/projects", request, () -> {
            Project project = projects.create(caller, request);
            return ResponseEntity.created(URI.create("/api/v1/projects/" + project.taskId()))
                    .body(ProjectView.of(project));
        });
    }
}
