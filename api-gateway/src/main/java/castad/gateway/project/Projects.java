package castad.gateway.project;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating projects and finding them by their public id. */
@Service
public class Projects {

    private final ProjectRepository repository;
    private final Clock clock;

    Projects(ProjectRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public Project create(CreateProjectRequest request) {
        return repository.save(Project.create(request, clock.instant()));
    }

    public Project get(String taskId) {
        return repository.findByTaskId(taskId).orElseThrow(() -> new ProjectNotFound(taskId));
    }

    /** Must run inside the caller's transaction: holds the project's row lock until it commits. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Project lock(String taskId) {
        return repository.lockByTaskId(taskId).orElseThrow(() -> new ProjectNotFound(taskId));
    }
}
