package castad.common.event;

import java.util.Objects;

/** A stage row was queued (the row is pending and its command is on the way). */
public record StageQueued(String taskId, Stage stage, long stageId) implements PipelineEvent {

    public StageQueued {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
    }
}
