package castad.common.event;

import java.util.Objects;

/** A stage row completed; {@code resultUrl} is the stored result where the stage has a file. */
public record StageCompleted(String taskId, Stage stage, long stageId, String resultUrl) implements PipelineEvent {

    public StageCompleted {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(stage, "stage");
    }
}
