package castad.common.event;

import java.util.Objects;

/** A stage row failed for good, with a machine-readable code and a message for people. */
public record StageFailed(String taskId, Stage stage, long stageId, String errorCode, String errorMessage)
        implements PipelineEvent {

    public StageFailed {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorCode, "errorCode");
    }
}
