package castad.gateway.project;

import castad.gateway.security.Caller;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating projects and finding them by their public id, for the caller: another key's project is not found
 * (a 404, as if it did not exist, so a task id says nothing to whoever is not its owner).
 */
@Service
public class Projects {

    private final ProjectRepository repository;
    private final Clock clock;

    Projects(ProjectRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public Project create(Caller caller, CreateProjectRequest request) {
        return repository.save(Project.create(caller.name(), request, clock.instant()));
    }

    public Project get(Caller caller, String taskId) {
        return visible(caller, taskId, repository.findByTaskId(taskId));
    }

    /** Must run inside the caller's transaction: holds the project's row lock until it commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Project lock(Caller caller, String taskId) {
        return visible(caller, taskId, repository.lockByTaskId(taskId));
    }

    private static Project visible(Caller caller, String taskId, Optional<Project> project) {
        return project.filter(found -> caller.owns(found.owner())).orElseThrow(() -> new ProjectNotFound(taskId));
    }
}
