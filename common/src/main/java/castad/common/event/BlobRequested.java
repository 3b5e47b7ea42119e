package castad.common.event;

import java.util.Objects;

/**
 * Asks blob-worker to copy a generated file from a provider URL into Blob under a deterministic name (a
 * retry overwrites the same blob). The answer is {@link BlobStored} or {@link BlobFailed} for the same stage.
 */
public record BlobRequested(String taskId, Stage stage, long stageId, String sourceUrl, String contentType,
                            String blobName) implements StageCommand {

    public BlobRequested {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(blobName, "blobName");
    }
}
