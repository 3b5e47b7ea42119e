package castad.common.event;

import java.util.Objects;

/** Asks song-worker to run one song attempt (submit to Suno, then wait durably). */
public record SongRequested(String taskId, long songId) implements StageCommand {

    public SongRequested {
        Objects.requireNonNull(taskId, "taskId");
    }

    @Override
    public long stageId() {
        return songId;
    }
}
