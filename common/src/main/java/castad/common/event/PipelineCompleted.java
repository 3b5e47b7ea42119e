package castad.common.event;

import java.util.Objects;

/** The last stage of a pipeline completed: its video is stored. */
public record PipelineCompleted(String taskId, long pipelineId, Stage stage, long stageId) implements PipelineEvent {

    public PipelineCompleted {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
    }
}
