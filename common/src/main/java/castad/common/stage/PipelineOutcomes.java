package castad.common.stage;

import castad.common.event.PipelineCompleted;
import castad.common.event.PipelineFailed;
import castad.common.event.Stage;
import castad.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a whole pipeline when its last stage completes or any of its stages fails. Called inside the
 * transaction that finishes the stage, so the pipeline's status and its event commit with it.
 */
public class PipelineOutcomes {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public PipelineOutcomes(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The pipeline's last stage completed ({@link Stage#last()}): so did the pipeline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lastStageCompleted(Stage stage, long stageId) {
        if (!stage.last()) {
            throw new IllegalArgumentException(stage + " is not a pipeline's last stage");
        }
        pipelineOf(stage, stageId).filter(p -> end(p, "completed", null, null))
                .ifPresent(p -> outbox.append(new PipelineCompleted(p.taskId(), p.id(), stage, stageId)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void stageFailed(Stage stage, long stageId, String errorCode, String errorMessage) {
        pipelineOf(stage, stageId).filter(p -> end(p, "failed", errorCode, errorMessage))
                .ifPresent(p -> outbox.append(new PipelineFailed(p.taskId(), p.id(), stage, stageId, errorCode,
                        errorMessage)));
    }

    private Optional<Owner> pipelineOf(Stage stage, long stageId) {
        return jdbc.sql("SELECT s.pipeline_id, p.task_id FROM " + StageTables.of(stage)
                        + " s JOIN project p ON p.id = s.project_id WHERE s.id = ? AND s.pipeline_id IS NOT NULL")
                .param(stageId)
                .query((rs, n) -> new Owner(rs.getLong("pipeline_id"), rs.getString("task_id")))
                .optional();
    }

    private boolean end(Owner pipeline, String status, String errorCode, String errorMessage) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE pipeline SET status = ?, error_code = ?, error_message = ?, completed_at = ?, updated_at = ?
                WHERE id = ? AND status = 'running'""")
                .params(status, errorCode, StageTables.truncate(errorMessage), now, now, pipeline.id())
                .update() == 1;
    }

    private record Owner(long id, String taskId) {
    }
}
