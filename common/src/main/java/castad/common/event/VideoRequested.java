package castad.common.event;

import java.util.Objects;

/** Asks video-worker to run one video attempt (render with Creatomate, then wait durably). */
public record VideoRequested(String taskId, long videoId) implements StageCommand {

    public VideoRequested {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public long stageId() {
        return videoId;
    }
}
