package castad.gateway.project;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

    Optional<Project> findByTaskId(String taskId);

    /** Serialises the writes of one project (new stage rows, image order) across gateway instances. */
    @Query("SELECT * FROM project WHERE task_id = :taskId FOR UPDATE")
    Optional<Project> lockByTaskId(String taskId);
}
