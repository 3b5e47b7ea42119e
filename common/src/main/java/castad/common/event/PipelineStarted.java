package castad.common.event;

import java.util.Objects;

/** A whole pipeline (lyric, then song, then video) was started; its lyric attempt is {@code stageId}. */
public record PipelineStarted(String taskId, long pipelineId, Stage stage, long stageId) implements PipelineEvent {

    public PipelineStarted {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
    }
}
