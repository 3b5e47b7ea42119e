package castad.common.event;

import java.util.Objects;

public record LyricRequested(String taskId, long lyricId) implements StageCommand {

    public LyricRequested {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public long stageId() {
        return lyricId;
    }
}
