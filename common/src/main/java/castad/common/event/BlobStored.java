package castad.common.event;

import java.util.Objects;

/** A stage's file is in Blob: container and name locate it, {@code sha256} and size describe what was stored. */
public record BlobStored(String taskId, Stage stage, long stageId, String container, String blobName,
                         long sizeBytes, String sha256) implements PipelineEvent {

    public BlobStored {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(blobName, "blobName");
        Objects.requireNonNull(sha256, "sha256");
    }
}
