package castad.common.event;

import java.util.Objects;

/** A stage of a pipeline failed for good, so the pipeline stops there; the code is that stage's. */
public record PipelineFailed(String taskId, long pipelineId, Stage stage, long stageId, String errorCode,
                             String errorMessage) implements PipelineEvent {

    public PipelineFailed {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorCode, "errorCode");
    }
}
