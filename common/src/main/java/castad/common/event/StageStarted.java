package castad.common.event;

import java.util.Objects;

/** A stage row was claimed by a worker, which is now calling the provider. */
public record StageStarted(String taskId, Stage stage, long stageId) implements PipelineEvent {

    public StageStarted {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
    }
}
