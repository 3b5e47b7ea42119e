package castad.gateway.project;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectController {

    private final Projects projects;

    ProjectController(Projects projects) {
        this.projects = projects;
    }

    @PostMapping("/api/v1/projects")
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProjectRequest request) {
        Project project = projects.create(request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.taskId()))
                .body(ProjectView.of(project));
    }
}
