package castad.common.event;

/** One entry of a task's timeline on {@link Topics#PIPELINE_EVENTS}: a stage row changed status. */
public sealed interface PipelineEvent extends CastadEvent
        permits StageQueued, StageStarted, StageCompleted, StageFailed, BlobStored, BlobFailed,
        PipelineStarted, PipelineCompleted, PipelineFailed {

    Stage stage();

    long stageId();
}
