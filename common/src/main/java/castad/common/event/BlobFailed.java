package castad.common.event;

import java.util.Objects;

/** A stage's file could not be copied into Blob (refused URL, too large, source gone...). */
public record BlobFailed(String taskId, Stage stage, long stageId, String errorCode, String errorMessage)
        implements PipelineEvent {

    public BlobFailed {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorCode, "errorCode");
    }
}
